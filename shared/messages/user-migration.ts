import { lazy } from '../lazy';
import { inEveryLanguage, type LocalisedText } from './languages';

/** The section's files, loaded on the first refusal: a migration that goes ahead does not evaluate them. */
const files = lazy(() => (require('./generated/user-migration') as typeof import('./generated/user-migration')).FILES);

/** A refusal of the userMigration steps: an entry of `<language>/user-migration.json`. */
export type UserMigrationRefusal = keyof typeof import('./generated/user-migration')['FILES']['en']['texts'];

/**
 * The userMigration refusal `name` in every language. `incorrect-credentials` is what every user sees when a
 * migration is refused — unknown user, wrong password or disabled account alike, so the answer reveals nothing.
 * Cognito shows its own "Incorrect username or password." in the hosted UI whatever a migration trigger throws,
 * and API callers get a generic migration error; the text matches it wherever it does surface. UserMigration
 * events carry no user attributes, so no `locale`: unless that changes, users read the English text.
 */
export function userMigrationRefusal(name: UserMigrationRefusal): LocalisedText {
  return inEveryLanguage((language) => files()[language].texts[name]);
}
