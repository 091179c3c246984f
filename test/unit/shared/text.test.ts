import { ALLOWED_MESSAGE_TEXT, isAllowedMessageText } from '@functions/custom-message/messages/text';
import { singleLine } from '@shared/text';
import fc from 'fast-check';

describe('singleLine', () => {
  it('turns line breaks into single spaces, so a value cannot start a new header', () => {
    expect(singleLine('Welcome\r\nBcc: victim@example.com')).toBe('Welcome Bcc: victim@example.com');
  });

  it.each([
    ['tab', 'a\tb'],
    ['NUL', 'a\u0000b'],
    ['DEL', 'a\u007fb'],
    ['C1 next line', 'a\u0085b'],
    ['line separator', 'a\u2028b'],
    ['paragraph separator', 'a\u2029b'],
  ])('replaces a %s with a space', (_name, text) => {
    expect(singleLine(text)).toBe('a b');
  });

  it('turns Unicode spaces such as the non-breaking space into plain spaces', () => {
    expect(singleLine('Ada\u00a0Lovelace\u2003King')).toBe('Ada Lovelace King');
  });

  it('drops format and private-use characters, which Cognito refuses in messages', () => {
    expect(singleLine('A\u200dd\u200ba\u00ad\ue000!')).toBe('Ada!');
  });

  it('keeps letters, marks, symbols, numbers and punctuation of any script', () => {
    expect(singleLine('Zoë Ñúñez 山田 №5 – «ok»')).toBe('Zoë Ñúñez 山田 №5 – «ok»');
  });

  it('always gives characters Cognito accepts in a message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(singleLine(text)).toMatch(ALLOWED_MESSAGE_TEXT);
      }),
    );
  });

  it('collapses runs of whitespace and trims the ends', () => {
    expect(singleLine('  Jane   \n\n  Doe  ')).toBe('Jane Doe');
  });

  it('keeps text that is already one line', () => {
    expect(singleLine('Élodie Müller <script>')).toBe('Élodie Müller <script>');
  });

  it('cuts a longer line to maxLength characters, ending in an ellipsis', () => {
    expect(singleLine('abcdefghij', 5)).toBe('abcd…');
    expect(singleLine('abcde', 5)).toBe('abcde');
  });

  it('never splits a surrogate pair when cutting', () => {
    expect(singleLine('😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('returns one trimmed line of at most maxLength characters for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 40 }), (text, maxLength) => {
        const line = singleLine(text, maxLength);

        // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(line).toBe(line.trim());
        expect(Array.from(line).length).toBeLessThanOrEqual(maxLength);
        expect(singleLine(line)).toBe(line);
      }),
    );
  });
});

/** Text of any kind: ASCII, any code point, lone surrogates, and the separators and format characters in between. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string(),
  fc.string({
    unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u200d', '\u2028', '\ufeff', '\u007f', 'a', 'é', '\ud800'),
  }),
);

describe('singleLine, against its definition by Unicode category', () => {
  /** The definition: whitespace, separators and controls become spaces, then whatever is not printable goes. */
  const definition = (text: string) =>
    text
      .replace(/[\s\p{Z}\p{Cc}]+/gu, ' ')
      .replace(/[^\p{L}\p{M}\p{S}\p{N}\p{P} ]/gu, '')
      .replace(/ {2,}/g, ' ')
      .trim();

  it('gives what the definition gives, for ASCII text and any other', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(singleLine(text)).toBe(definition(text));
      }),
    );
  });
});

describe('isAllowedMessageText', () => {
  it('accepts exactly what ALLOWED_MESSAGE_TEXT accepts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(isAllowedMessageText(text)).toBe(ALLOWED_MESSAGE_TEXT.test(text));
      }),
    );
  });

  it.each([
    ['plain ASCII', 'Your code is {####}.', true],
    ['accents and quotes', 'Votre code « {####} » expire bientôt.', true],
    ['a non-breaking space', 'Code\u00a0{####}', false],
    ['a zero-width joiner', 'Co\u200dde {####}', false],
    ['DEL', 'Code\u007f{####}', false],
    ['a line separator', 'Code\u2028{####}', false],
  ])('tells %s', (_what, text, allowed) => {
    expect(isAllowedMessageText(text)).toBe(allowed);
  });
});
