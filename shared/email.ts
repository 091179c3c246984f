/**
 * Email address handling shared by the flows. The check is deliberately practical rather than full RFC 5322:
 * one `@`, a non-empty local part of printable characters without spaces, and a domain of dot-separated
 * labels ending in an alphabetic top-level domain; at most 254 characters in all.
 */

const LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^[a-z]{2,63}$/;
const MAX_LENGTH = 254;

/**
 * Trims an address and lower-cases its domain (the local part keeps its case: it is the mailbox owner's).
 * Returns `undefined` when the result is not a usable address.
 */
export function normaliseEmail(raw: string): string | undefined {
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf('@');
  if (trimmed.length > MAX_LENGTH || at <= 0 || trimmed.indexOf('@') !== at) return undefined;
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const valid =
    LOCAL_PART.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels[labels.length - 1] ?? '');
  return valid ? `${local}@${domain}` : undefined;
}

/** The domain of a normalised address, e.g. `mail.example.com`. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Whether `domain` is `listed` or one of its subdomains: `mail.example.com` matches `example.com`;
 * `badexample.com` does not.
 */
export function domainMatches(domain: string, listed: string): boolean {
  const want = listed.trim().toLowerCase().replace(/^@/, '');
  return domain === want || domain.endsWith(`.${want}`);
}

/** The key a user is looked up by in case-insensitive stores: the whole address in lower case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
