import fc from 'fast-check';
import { ALLOWED_MESSAGE_TEXT, oneLine, unescapeHtml, userText } from '../../../functions/custom-message/messages/text';
import { renderTemplate } from '../../../shared/templates/engine';

describe('oneLine', () => {
  it('turns every run of whitespace into one space and trims', () => {
    expect(oneLine('  Ada\r\n\tLovelace\u00a0\u2028King  ')).toBe('Ada Lovelace King');
  });

  it('drops control, format and private-use characters', () => {
    expect(oneLine('A\u0000d\u0007a\u200d\u200b\u00ad\ue000!')).toBe('Ada!');
  });

  it('keeps letters, marks, symbols, numbers and punctuation of any script', () => {
    expect(oneLine('Zoë Ñúñez 山田 👩‍💻 №5 – «ok»')).toBe('Zoë Ñúñez 山田 👩💻 №5 – «ok»');
  });

  it('always gives one line of characters Cognito accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const line = oneLine(value);
        expect(line).toMatch(ALLOWED_MESSAGE_TEXT);
        expect(line).not.toMatch(/[\r\n]/);
      }),
    );
  });
});

describe('userText', () => {
  it('turns curly braces into parentheses and treats a missing attribute as empty', () => {
    expect(userText('{username} {####}')).toBe('(username) (####)');
    expect(userText(undefined)).toBe('');
  });
});

describe('unescapeHtml', () => {
  it("is the exact inverse of the engine's escaping", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(unescapeHtml(renderTemplate('<%= it.value %>', { value }))).toBe(value);
      }),
    );
  });
});
