import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';
import { lazy } from '../../shared/lazy';

/**
 * The disposable-email domains of `disposable-email-domains-js` (the community list
 * github.com/disposable-email-domains/disposable-email-domains), as a Set built on first use: the ~9,000
 * entries cost nothing on invocations that never ask.
 */
const disposableDomains: () => ReadonlySet<string> = lazy(() => disposableEmailBlocklistSet());

/**
 * Whether `domain` (lower-case) or any domain it belongs to is on the disposable list: `x.mailinator.com` is
 * disposable because `mailinator.com` is. Each candidate is one Set look-up; top-level domains alone are not
 * looked up.
 */
export function isDisposableDomain(domain: string, listed: ReadonlySet<string> = disposableDomains()): boolean {
  const labels = domain.split('.');
  for (let start = 0; start < labels.length - 1; start += 1) {
    if (listed.has(labels.slice(start).join('.'))) {
      return true;
    }
  }
  return false;
}
