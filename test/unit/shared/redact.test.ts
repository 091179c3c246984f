import { maskEmails, redact } from '@shared/redact';

describe('maskEmails', () => {
  it('keeps the first character of the local part and the domain', () => {
    expect(maskEmails('sign-up by jane.doe+promo@example.com failed')).toBe('sign-up by j***@example.com failed');
  });

  it('masks every address in a text', () => {
    expect(maskEmails('a@example.com, bob@example.org')).toBe('a***@example.com, b***@example.org');
  });
});

describe('redact', () => {
  it('drops values of secret-looking keys at any depth', () => {
    const value = {
      request: { password: 'Legacy-Passw0rd!', code: '123456', idToken: 'eyJ', nested: { clientSecret: 's' } },
    };

    expect(redact(value)).toEqual({
      request: {
        password: '[redacted]',
        code: '[redacted]',
        idToken: '[redacted]',
        nested: { clientSecret: '[redacted]' },
      },
    });
  });

  it('masks email addresses inside values', () => {
    expect(redact({ userName: 'jane@example.com' })).toEqual({ userName: 'j***@example.com' });
  });

  it('keeps an error as its name, message, code and cause', () => {
    const cause = Object.assign(new Error('Throttled'), { code: 'ThrottlingException' });
    const error = new Error('write failed for jane@example.com', { cause });

    expect(redact({ error })).toEqual({
      error: {
        name: 'Error',
        message: 'write failed for j***@example.com',
        cause: { name: 'Error', message: 'Throttled', errorCode: 'ThrottlingException' },
      },
    });
  });

  it('cuts long strings, wide objects and deep nesting', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };
    const wide = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, i]));

    expect(redact('x'.repeat(2_000))).toMatch(/^x{512}…\(2000 chars\)$/);
    expect(Object.keys(redact(wide) as object)).toHaveLength(50);
    expect(JSON.stringify(redact(deep))).toContain('[too deep]');
  });
});
