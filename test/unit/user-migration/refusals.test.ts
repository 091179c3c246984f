/**
 * The one refusal of the userMigration flow in every language of the catalog. UserMigration events carry no user
 * attributes, so no `locale`: a refused migration reaches the user in English, in Cognito's own words.
 */
import { createUserMigrationHandler } from '@functions/user-migration/handler';
import { Refusal } from '@shared/errors';
import { LANGUAGES } from '@shared/messages/languages';
import { userMigrationRefusal } from '@shared/messages/user-migration';
import { loadFixture } from '@test/helpers/fixtures';
import { lambdaContext } from '@test/helpers/lambda-context';
import { captureStdoutLogsOfEachTest } from '@test/helpers/log-capture';
import { COGNITO_MESSAGE_CHARACTERS } from '@test/unit/custom-message/support';
import { createInMemoryLegacyUserStore, testConfig } from './support';

const REFUSAL = new Refusal(userMigrationRefusal('incorrect-credentials'));

captureStdoutLogsOfEachTest();

describe('the incorrect-credentials refusal', () => {
  it.each(['UserMigration_Authentication', 'UserMigration_ForgotPassword'] as const)(
    'reaches a user whose %s migration is refused in English, as Cognito words it',
    async (source) => {
      const handler = createUserMigrationHandler(testConfig(), {
        legacyUsers: createInMemoryLegacyUserStore(),
        now: () => new Date('2026-11-26T10:15:00.000Z'),
      });

      await expect(handler(loadFixture(source), lambdaContext())).rejects.toThrow(/^Incorrect username or password\.$/);
    },
  );

  it.each(LANGUAGES)('is in %s one line of text Cognito can show', (language) => {
    const message = REFUSAL.inLanguage(language);

    expect(message).toMatch(/^\S.*\.$/);
    expect(message).toMatch(COGNITO_MESSAGE_CHARACTERS);
  });
});
