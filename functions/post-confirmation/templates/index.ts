import { ENGLISH } from './en';
import { FRENCH } from './fr';
import type { LanguagePack } from './language-pack';

/** The languages the postConfirmation emails are written in; add one with a pack file and a line here. */
export const LANGUAGE_PACKS = { en: ENGLISH, fr: FRENCH } as const satisfies Readonly<Record<string, LanguagePack>>;

/** A language the emails are written in. */
export type Language = keyof typeof LANGUAGE_PACKS;

/** Every language the emails are written in. */
export const LANGUAGES = Object.keys(LANGUAGE_PACKS) as Language[];

/** The language of users whose `locale` names no language of {@link LANGUAGES}. */
export const DEFAULT_LANGUAGE: Language = 'en';
