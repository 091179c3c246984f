import { type CustomMessageConfig, loadCustomMessageConfig } from '@functions/custom-message/config';
import { createCustomMessageHandler } from '@functions/custom-message/handler';
import { CUSTOM_MESSAGE_STEPS } from '@functions/custom-message/steps';
import type { Env } from '@shared/config';
import type { TriggerHandler } from '@shared/handler';
import {
  CUSTOM_MESSAGE_TEMPLATES,
  type CustomMessageName,
  type CustomMessageTemplate,
  type CustomMessageTemplates,
} from '@shared/messages/custom-message';
import type { Localised } from '@shared/messages/languages';
import { runSteps } from '@shared/steps';
import type { LogCapture } from '@test/helpers/log-capture';
import { testStepContext } from '@test/helpers/step-context';
import type { CustomMessageTriggerEvent } from 'aws-lambda';

/** The settings the customMessage tests run with, as serverless.yml would give them. */
export const TEST_ENV = {
  PRODUCT_NAME: 'Acme Portal',
  SUPPORT_EMAIL: 'help@acme.example',
  APP_URL: 'https://app.acme.example',
} as const;

/** The configuration of {@link TEST_ENV} with `overrides` applied. */
export function testConfig(overrides: Env = {}): CustomMessageConfig {
  return loadCustomMessageConfig({ ...TEST_ENV, ...overrides });
}

/** Runs the customMessage steps over `event` (changing its response) and returns the log lines, at debug level. */
export async function runFlow(
  event: CustomMessageTriggerEvent,
  options: { config?: CustomMessageConfig; templates?: Localised<CustomMessageTemplates> } = {},
): Promise<LogCapture> {
  const { context, logs } = testStepContext(event, options.config ?? testConfig(), {
    templates: options.templates ?? CUSTOM_MESSAGE_TEMPLATES,
  });
  await runSteps(CUSTOM_MESSAGE_STEPS, context);
  return logs;
}

/** The catalog's templates with one text of one English message replaced. */
export function templatesWith(
  name: CustomMessageName,
  change: Partial<CustomMessageTemplate>,
): Localised<CustomMessageTemplates> {
  const english = CUSTOM_MESSAGE_TEMPLATES.en;
  return { ...CUSTOM_MESSAGE_TEMPLATES, en: { ...english, [name]: { ...english[name], ...change } } };
}

/** Cognito's allowed characters in an email message and subject (Java `\s` is ASCII whitespace only). */
export const COGNITO_MESSAGE_CHARACTERS = /^[\p{L}\p{M}\p{S}\p{N}\p{P} \t\n\v\f\r]*$/u;

/**
 * The handler the cross-trigger tests run (test/fuzz/, test/unit/secrets.test.ts): {@link TEST_ENV} with `env` added,
 * over the catalog's templates.
 */
export function testHandler(env: Env = {}): TriggerHandler<CustomMessageTriggerEvent> {
  return createCustomMessageHandler(testConfig(env));
}
