import { lazy } from '../lazy';

/**
 * The languages of the message catalog. Each is one folder of `shared/messages/` that holds every text a person
 * reads, in that language; a test fails unless the folders and {@link LANGUAGES} agree and every folder has every
 * text.
 */

/** Every language the catalog ships, as the language part of a locale (`fr` for `fr-CA`). */
export const LANGUAGES = ['en', 'fr', 'es', 'de'] as const;

/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** The language of users whose `locale` names no language of the catalog, or who have none. */
export const FALLBACK_LANGUAGE: Language = 'en';

/** Something written in every shipped language. */
export type Localised<T> = Readonly<Record<Language, T>>;

/** One text of the catalog, an Eta template (see `@shared/templates/engine`), in every shipped language. */
export type LocalisedText = Localised<string>;

/**
 * What `load` gives for every shipped language, each made when it is first read: how a section of the catalog
 * assembles its messages, so that a cold start builds only the languages its users read.
 */
export function inEveryLanguage<T>(load: (language: Language) => T): Localised<T> {
  const loaded = {} as Record<Language, T>;
  for (const language of LANGUAGES) {
    Object.defineProperty(loaded, language, { enumerable: true, get: lazy(() => load(language)) });
  }
  return loaded;
}

/** The template `file` of a section in one language (`welcome.html`); throws naming it when the folder lacks it. */
export function templateFile(templates: Readonly<Record<string, string>>, file: string): string {
  const template = templates[file];
  if (template === undefined) throw new Error(`The message catalog has no template ${file} for this language.`);
  return template;
}

/** The texts of a file of one-line texts, each in every language: `texts.fr.x` becomes `result.x.fr`. */
export function textsOf<K extends string>(
  texts: Localised<Readonly<Record<K, string>>>,
): Readonly<Record<K, LocalisedText>> {
  const names = Object.keys(texts[FALLBACK_LANGUAGE]) as K[];
  return Object.fromEntries(
    names.map((name) => [name, inEveryLanguage((language) => texts[language][name])]),
  ) as Record<K, LocalisedText>;
}

/**
 * The language for a user's `locale` attribute (`fr`, `fr-CA`, `fr_CA`, any case): its language part when the
 * catalog has it, else {@link FALLBACK_LANGUAGE}.
 */
export function languageOf(locale: unknown): Language {
  const language = typeof locale === 'string' ? locale.trim().toLowerCase().split(/[-_]/)[0] : undefined;
  return LANGUAGES.find((candidate) => candidate === language) ?? FALLBACK_LANGUAGE;
}

/** The language of the user an event is about: its `request.userAttributes.locale`, whatever shape the event has. */
export function eventLanguage(event: unknown): Language {
  const request: unknown = (event as { request?: unknown } | null)?.request;
  const attributes: unknown = (request as { userAttributes?: unknown } | null)?.userAttributes;
  return languageOf((attributes as { locale?: unknown } | null)?.locale);
}
