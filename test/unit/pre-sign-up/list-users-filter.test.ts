import { exactMatchFilter } from '@functions/pre-sign-up/list-users-filter';
import fc from 'fast-check';

/** How Cognito reads the quoted value of a filter: backslash escapes the next character. */
function quotedValue(filter: string): string | undefined {
  const match = /^\w+ = "((?:[^"\\]|\\.)*)"$/s.exec(filter);
  return match?.[1]?.replace(/\\(.)/gs, '$1');
}

describe('exactMatchFilter', () => {
  it('quotes a plain value', () => {
    expect(exactMatchFilter('email', 'jane@example.com')).toBe('email = "jane@example.com"');
  });

  it('escapes double quotes and backslashes so they cannot end the value', () => {
    expect(exactMatchFilter('email', 'a"b\\c@example.com')).toBe('email = "a\\"b\\\\c@example.com"');
    expect(exactMatchFilter('username', '" or email ^= "')).toBe('username = "\\" or email ^= \\""');
  });

  it('always yields one quoted value equal to the input', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(quotedValue(exactMatchFilter('email', value))).toBe(value);
      }),
    );
  });
});
