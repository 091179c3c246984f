import { disposableEmailBlocklist } from 'disposable-email-domains-js';
import { isDisposableDomain } from '../../../functions/pre-sign-up/disposable-domains';

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

  it('uses the packaged list by default', () => {
    const packaged = disposableEmailBlocklist();

    expect(packaged.length).toBeGreaterThan(1000);
    expect(packaged).toContain('mailinator.com');
    expect(isDisposableDomain('mailinator.com')).toBe(true);
    expect(isDisposableDomain('inbox.mailinator.com')).toBe(true);
    expect(isDisposableDomain('example.com')).toBe(false);
  });
});
