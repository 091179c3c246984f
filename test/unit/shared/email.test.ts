import { domainMatches, emailDomain, emailKey, normaliseEmail } from '@shared/email';

describe('normaliseEmail', () => {
  it.each([
    ['  Jane.Doe@Example.COM ', 'Jane.Doe@example.com'],
    ['a+tag@mail.example.org', 'a+tag@mail.example.org'],
  ])('normalises %p to %p', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it.each([
    '',
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'ja ne@example.com',
    'a@@example.com',
    'a@b@example.com',
    '.jane@example.com',
    'jane.@example.com',
    'ja..ne@example.com',
    'jane@-example.com',
    'jane@example.c0m',
    `${'x'.repeat(65)}@example.com`,
    `j@${'a'.repeat(250)}.com`,
    'jane@exa mple.com',
    'jane@example.com\n'.repeat(2),
  ])('rejects %p', (raw) => {
    expect(normaliseEmail(raw)).toBeUndefined();
  });
});

describe('domains', () => {
  it('takes the domain of an address', () => {
    expect(emailDomain('jane@Mail.Example.com')).toBe('mail.example.com');
  });

  it('matches a domain and its subdomains only', () => {
    expect(domainMatches('example.com', 'example.com')).toBe(true);
    expect(domainMatches('mail.example.com', 'Example.com')).toBe(true);
    expect(domainMatches('mail.example.com', '@example.com')).toBe(true);
    expect(domainMatches('badexample.com', 'example.com')).toBe(false);
    expect(domainMatches('example.com.evil.org', 'example.com')).toBe(false);
  });

  it('keys an address in lower case', () => {
    expect(emailKey(' Jane.Doe@Example.com ')).toBe('jane.doe@example.com');
  });
});
