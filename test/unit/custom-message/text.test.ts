import { unescapeHtml, userText } from '@functions/custom-message/messages/text';
import { renderTemplate } from '@shared/templates/engine';
import fc from 'fast-check';

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
