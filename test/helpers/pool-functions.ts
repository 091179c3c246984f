import type { Language } from '@shared/messages/languages';
import { POST_CONFIRMATION_EMAILS, type PostConfirmationEmail } from '@shared/messages/post-confirmation';
import { renderText } from '@shared/templates/engine';
import type { TestPool } from './local-pool';

/** The environment the deployed function of `trigger` gets from serverless.yml, in the test pool `run`. */
export function triggerEnvironment(run: TestPool, trigger: string): Record<string, string> {
  const name = run.pool.definition.triggerFunctions[trigger];
  const fn = Object.values(run.pool.service.functions).find((candidate) => candidate.name === name);
  return { ...run.pool.service.provider.environment, ...fn?.environment };
}

/** The subject of postConfirmation's `email` in `language`, as its templates render it for the test pool `run`. */
export function postConfirmationSubject(run: TestPool, email: PostConfirmationEmail, language: Language): string {
  const productName = triggerEnvironment(run, 'PostConfirmation').PRODUCT_NAME;
  return renderText(POST_CONFIRMATION_EMAILS[language][email].subject, { branding: { productName } });
}
