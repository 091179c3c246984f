import { renderTemplate } from '@shared/templates/engine';
import { pickLanguage } from '@shared/templates/locale';

describe('renderTemplate', () => {
  it('escapes HTML in values by default', () => {
    expect(renderTemplate('<p>Hello <%= it.name %></p>', { name: '<script>alert(1)</script>' })).toBe(
      '<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('prints template syntax found inside a value instead of evaluating it', () => {
    expect(renderTemplate('<%= it.name %>', { name: '<%= process.exit(1) %>' })).toBe('&lt;%= process.exit(1) %&gt;');
  });

  it('renders the same template again with other data', () => {
    const template = 'Code: <%~ it.code %>';

    expect(renderTemplate(template, { code: '{####}' })).toBe('Code: {####}');
    expect(renderTemplate(template, { code: '123456' })).toBe('Code: 123456');
  });
});

describe('pickLanguage', () => {
  const available = ['en', 'fr'] as const;

  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR_ca', 'fr'],
    ['de', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('maps locale %p to %p', (locale, language) => {
    expect(pickLanguage(locale, available, 'en')).toBe(language);
  });
});
