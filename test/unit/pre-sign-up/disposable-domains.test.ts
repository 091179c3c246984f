import { disposableDomains, isDisposableDomain } from '@functions/pre-sign-up/disposable-domains';
import { disposableEmailBlocklist } from 'disposable-email-domains-js';

describe('isDisposableDomain', () => {
  const listed = new Set(['mailinator.com', 'temp.example.net']);

  it('finds a listed domain and any of its subdomains', () => {
    expect(isDisposableDomain('mailinator.com', listed)).toBe(true);
    expect(isDisposableDomain('x.y.mailinator.com', listed)).toBe(true);
    expect(isDisposableDomain('a.temp.example.net', listed)).toBe(true);
  });

  it('does not match a domain that merely ends with the same letters, a parent, or a bare TLD', () => {
    expect(isDisposableDomain('notmailinator.com', listed)).toBe(false);
    expect(isDisposableDomain('example.net', listed)).toBe(false);
    expect(isDisposableDomain('com', new Set(['com']))).toBe(false);
  });

  it('loads the packaged list once, on first use', async () => {
    const packaged = disposableEmailBlocklist();
    const listed = await disposableDomains();

    expect(packaged.length).toBeGreaterThan(1000);
    expect(listed.size).toBe(new Set(packaged).size);
    expect(await disposableDomains()).toBe(listed);
    expect(isDisposableDomain('inbox.mailinator.com', listed)).toBe(true);
    expect(isDisposableDomain('example.com', listed)).toBe(false);
  });
});
