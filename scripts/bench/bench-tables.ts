import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { hashSync } from 'bcryptjs';
import type { ColdVariant } from './cold';
import { LEGACY_PASSWORD, legacyUserName } from './cold-scenarios';
import type { BenchEmulators } from './emulators';
import { packagedFunction, templateEnvironment } from './function-environment';
import type { PackagedFunction } from './packaged-stack';

/** Creates the tables the functions' environments name and seeds a legacy user for every run that signs one in. */
export async function prepareTables(
  packaged: readonly PackagedFunction[],
  emulators: BenchEmulators,
  variants: readonly ColdVariant[],
  runs: number,
): Promise<void> {
  const legacyTable = templateEnvironment(packagedFunction(packaged, 'userMigration')).LEGACY_USERS_TABLE;
  const profilesTable = templateEnvironment(packagedFunction(packaged, 'postConfirmation')).USER_PROFILES_TABLE;
  if (legacyTable === undefined || profilesTable === undefined)
    throw new Error('The template sets no LEGACY_USERS_TABLE or USER_PROFILES_TABLE.');
  await emulators.dynamoDb.createTable('LegacyUsersTable', legacyTable);
  await emulators.dynamoDb.createTable('UserProfilesTable', profilesTable);
  const passwordHash = hashSync(LEGACY_PASSWORD, 10);
  for (const variant of variants.filter((candidate) => candidate.scenario?.legacyUsers)) {
    // One more than the timed runs: the traced run.
    for (let run = variant.runOffset; run <= variant.runOffset + runs; run += 1) {
      const username = legacyUserName(run);
      await emulators.dynamoDb.client.send(
        new PutItemCommand({
          TableName: legacyTable,
          Item: {
            username: { S: username },
            passwordHash: { S: passwordHash },
            attributes: { M: { email: { S: username }, name: { S: 'Legacy User' } } },
            status: { S: 'active' },
          },
        }),
      );
    }
  }
}
