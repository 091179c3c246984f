import { lazy } from '@shared/lazy';

/**
 * The disposable-email domains of `disposable-email-domains-js` (the community list
 * github.com/disposable-email-domains/disposable-email-domains), as a Set built on first use. The package (about
 * 145 KB) is loaded by a dynamic import, so a cold start with the rule switched off does not parse it.
 */
export const disposableDomains: () => Promise<ReadonlySet<string>> = lazy(async () => {
  const { disposableEmailBlocklistSet } = await import('disposable-email-domains-js');
  return disposableEmailBlocklistSet();
});

/**
 * Whether `domain` (lower-case) or any domain it belongs to is in `listed`: `x.mailinator.com` is disposable
 * because `mailinator.com` is. Each candidate is one Set look-up; top-level domains alone are not looked up.
 */
export function isDisposableDomain(domain: string, listed: ReadonlySet<string>): boolean {
  const labels = domain.split('.');
  for (let start = 0; start < labels.length - 1; start += 1) {
    if (listed.has(labels.slice(start).join('.'))) {
      return true;
    }
  }
  return false;
}
