import type { Step } from '@shared/steps';
import type { UserMigrationTriggerEvent } from 'aws-lambda';
import { migratedAttributes } from '../cognito-attributes';
import { legacyUserOf } from '../legacy-user-of';
import type { UserMigrationContext } from '../trigger';

type FinalUserStatus = 'CONFIRMED' | 'RESET_REQUIRED';

/**
 * The status Cognito gives the new user: signed in with the right password → `CONFIRMED`; asked for a password
 * reset → `RESET_REQUIRED`, so Cognito sends the reset code to the (verified) email.
 */
function finalUserStatus(source: UserMigrationTriggerEvent['triggerSource']): FinalUserStatus {
  switch (source) {
    case 'UserMigration_Authentication':
      return 'CONFIRMED';
    case 'UserMigration_ForgotPassword':
      return 'RESET_REQUIRED';
    default: {
      const unreachable: never = source;
      throw new Error(`Unhandled trigger source ${String(unreachable)}`);
    }
  }
}

/**
 * Answers Cognito with the user to create: the legacy account's attributes (see `migratedAttributes`), the final
 * status for the trigger source, and `messageAction: SUPPRESS` so no welcome message is sent. Attributes Cognito
 * would reject are dropped and their names logged.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html
 */
export const returnMigratedUser: Step<UserMigrationContext> = {
  name: 'return-migrated-user',
  run(context) {
    const { event, logger } = context;
    const { attributes, dropped } = migratedAttributes(legacyUserOf(context, 'return-migrated-user'), event.userName);
    if (dropped.length > 0) logger.warn('Legacy attributes not migrated', { attributes: dropped });
    event.response.userAttributes = attributes;
    event.response.finalUserStatus = finalUserStatus(event.triggerSource);
    event.response.messageAction = 'SUPPRESS';
  },
};
