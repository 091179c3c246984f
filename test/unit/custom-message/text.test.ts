import { userText } from '@functions/custom-message/messages/text';

describe('userText', () => {
  it('turns curly braces into parentheses and treats a missing attribute as empty', () => {
    expect(userText('{username} {####}')).toBe('(username) (####)');
    expect(userText(undefined)).toBe('');
  });
});
