import {
  eventLanguage,
  inEveryLanguage,
  LANGUAGES,
  languageOf,
  templateFile,
  textsOf,
} from '@shared/messages/languages';

describe('languageOf', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR_ca', 'fr'],
    [' es-MX ', 'es'],
    ['de_CH', 'de'],
    ['pt-BR', 'en'],
    [undefined, 'en'],
    ['', 'en'],
    [42, 'en'],
  ])('maps locale %p to %p', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });
});

describe('eventLanguage', () => {
  it("takes the language of the user's locale attribute", () => {
    expect(eventLanguage({ request: { userAttributes: { locale: 'fr-FR' } } })).toBe('fr');
  });

  it.each([
    ['not an object', 'PreSignUp'],
    ['null', null],
    ['no request', {}],
    ['a null request', { request: null }],
    ['no attributes', { request: {} }],
    ['null attributes', { request: { userAttributes: null } }],
    ['attributes of another type', { request: { userAttributes: 'fr' } }],
    ['no locale', { request: { userAttributes: { email: 'jane@example.com' } } }],
  ])('falls back to English for an event with %s', (_name, event) => {
    expect(eventLanguage(event)).toBe('en');
  });
});

describe('textsOf', () => {
  it('turns a text file of every language into each text in every language', () => {
    const files = inEveryLanguage((language) => ({ hello: `hello in ${language}`, bye: `bye in ${language}` }));

    const texts = textsOf(files);

    expect(Object.keys(texts)).toEqual(['hello', 'bye']);
    for (const language of LANGUAGES) expect(texts.bye[language]).toBe(`bye in ${language}`);
  });
});

describe('inEveryLanguage', () => {
  it('makes each language when it is first read, once', () => {
    const made: string[] = [];
    const texts = inEveryLanguage((language) => {
      made.push(language);
      return `hello in ${language}`;
    });

    expect(texts.fr).toBe('hello in fr');
    expect(texts.fr).toBe('hello in fr');
    expect(made).toEqual(['fr']);
    expect(Object.keys(texts)).toEqual([...LANGUAGES]);
  });
});

describe('templateFile', () => {
  it('gives the template of that name, and names a template the language lacks', () => {
    const templates = { 'welcome.html': '<p>Welcome</p>' };

    expect(templateFile(templates, 'welcome.html')).toBe('<p>Welcome</p>');
    expect(() => templateFile(templates, 'welcome.txt')).toThrow('The message catalog has no template welcome.txt');
  });
});
