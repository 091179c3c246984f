import { type Branding, readBranding } from '@shared/branding';
import { type CommonConfig, type Env, type EnvReader, envReader, readCommonConfig } from '@shared/config';
import { ConfigError } from '@shared/errors';
import { CUSTOM_MESSAGE, type CustomMessageSource } from './trigger';

/** Settings of the customMessage function, read from its environment (see serverless.yml). */
export interface CustomMessageConfig extends CommonConfig {
  /** Product name, support address and app URL the messages show (`PRODUCT_NAME`, `SUPPORT_EMAIL`, `APP_URL`). */
  branding: Branding;
  /** `BRANDED_MESSAGES`: whether the flow replaces Cognito's messages at all. */
  brandedMessages: boolean;
  /** `DEFAULT_MESSAGE_SOURCES`: trigger sources whose messages stay Cognito's default ones. */
  defaultMessageSources: readonly CustomMessageSource[];
  /** `CONFIRM_PATH`: path of the app page that confirms a sign-up from the link in the email. */
  confirmPath: string;
}

const SOURCE_PREFIX = 'CustomMessage_';
/** A URL path: starts with `/`, no query, fragment, spaces or quotes. */
const URL_PATH = /^\/[A-Za-z0-9\-._~/%!$&'()*+,;=:@]*$/;

/**
 * Reads `DEFAULT_MESSAGE_SOURCES`: a comma-separated list of trigger sources, each written in full
 * (`CustomMessage_Authentication`) or without the prefix (`Authentication`), in any case.
 */
function readDefaultMessageSources(env: EnvReader): CustomMessageSource[] {
  const shortNames = CUSTOM_MESSAGE.sources.map((source) => source.slice(SOURCE_PREFIX.length));
  return env.list('DEFAULT_MESSAGE_SOURCES').map((item) => {
    const lower = item.toLowerCase();
    const wanted = lower.startsWith(SOURCE_PREFIX.toLowerCase()) ? lower.slice(SOURCE_PREFIX.length) : lower;
    const source = CUSTOM_MESSAGE.sources.find(
      (candidate) => candidate.slice(SOURCE_PREFIX.length).toLowerCase() === wanted,
    );
    if (source === undefined) {
      throw new ConfigError(`DEFAULT_MESSAGE_SOURCES lists "${item}", which is not one of ${shortNames.join(', ')}.`);
    }
    return source;
  });
}

function readConfirmPath(env: EnvReader): string {
  const path = env.string('CONFIRM_PATH', '/confirm');
  if (!URL_PATH.test(path)) {
    throw new ConfigError(`CONFIRM_PATH must be a URL path starting with "/" and without "?" or "#", got "${path}".`);
  }
  return path;
}

/**
 * Reads the customMessage settings; throws naming the variable that is missing or malformed.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export function loadCustomMessageConfig(env: Env): CustomMessageConfig {
  const reader = envReader(env);
  return {
    ...readCommonConfig(reader),
    branding: readBranding(reader),
    brandedMessages: reader.boolean('BRANDED_MESSAGES', true),
    defaultMessageSources: readDefaultMessageSources(reader),
    confirmPath: readConfirmPath(reader),
  };
}
