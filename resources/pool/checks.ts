import { ParameterError } from './parameter-reader';

const RESERVED_DOMAIN_WORDS = ['aws', 'amazon', 'cognito'];

/** Refuses a Cognito message parameter that lacks one of `placeholders` (`{####}`, `{username}`). */
export function assertPlaceholders(name: string, message: string, placeholders: readonly string[]): void {
  const missing = placeholders.filter((placeholder) => !message.includes(placeholder));
  if (missing.length > 0) throw new ParameterError(name, `must contain ${missing.join(' and ')}.`);
}

/**
 * Refuses OAuth redirect URLs Cognito would refuse: none at all, or one that is not https (http only for
 * localhost).
 */
export function assertRedirectUrls(name: string, urls: readonly string[]): void {
  if (urls.length === 0) throw new ParameterError(name, 'must list at least one URL.');
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ParameterError(name, `contains "${url}", which is not a URL.`);
    }
    const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
    if (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:')) {
      throw new ParameterError(name, `contains "${url}"; Cognito accepts https URLs, and http only for localhost.`);
    }
  }
}

/** The hosted UI domain prefix, lower-cased; refuses one Cognito would refuse. */
export function checkedDomainPrefix(value: string): string {
  const domainPrefix = value.toLowerCase();
  if (
    !/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/.test(domainPrefix) ||
    RESERVED_DOMAIN_WORDS.some((word) => domainPrefix.includes(word))
  ) {
    throw new ParameterError(
      'domainPrefix',
      `must be 1-50 lower-case letters, digits or hyphens without "aws", "amazon" or "cognito", got "${domainPrefix}".`,
    );
  }
  return domainPrefix;
}
