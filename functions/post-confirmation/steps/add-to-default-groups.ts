import type { Step } from '@shared/steps';
import type { PostConfirmationContext } from '../trigger';

/**
 * Adds the new user to each group of `DEFAULT_GROUP` (switched off when it is empty). Adding a member again
 * changes nothing, so duplicates are harmless. A failure is logged and does not fail the invocation: the user is
 * confirmed either way, and Cognito's retry adds what is missing. Runs alongside the email steps, so a slow
 * Cognito API and a slow SES do not add up against Cognito's 5 seconds.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html
 */
export const addToDefaultGroups: Step<PostConfirmationContext> = {
  name: 'add-to-default-groups',
  sources: ['PostConfirmation_ConfirmSignUp'],
  enabled: (config) => config.defaultGroup.length > 0,
  concurrent: true,
  async run({ event, config, groups, logger, signal }) {
    const results = await Promise.allSettled(
      config.defaultGroup.map((group) => groups.add(event.userPoolId, event.userName, group, signal)),
    );
    results.forEach((result, index) => {
      const group = config.defaultGroup[index];
      if (result.status === 'fulfilled') {
        logger.info('User added to group', { group });
      } else {
        logger.error('Could not add the user to a group', { group, error: result.reason });
      }
    });
  },
};
