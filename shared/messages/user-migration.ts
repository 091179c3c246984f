import { FILES } from './generated/user-migration';
import { inEveryLanguage, textsOf } from './languages';

/**
 * The refusals of the userMigration steps (`<language>/user-migration.json`), each in every language. `incorrect-credentials` is what every user
 * sees when a migration is refused — unknown user, wrong password or disabled account alike, so the answer
 * reveals nothing. Cognito shows its own "Incorrect username or password." in the hosted UI whatever a migration
 * trigger throws, and API callers get a generic migration error; the text matches it wherever it does surface.
 * UserMigration events carry no user attributes, so no `locale`: the text reaches users in English.
 */
export const USER_MIGRATION_REFUSALS = textsOf(inEveryLanguage((language) => FILES[language].texts));
