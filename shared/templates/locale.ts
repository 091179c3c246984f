/**
 * Picks the language for a user's messages from their `locale` attribute (e.g. `fr`, `fr-CA`, `fr_CA`),
 * falling back to `fallback` when the attribute is absent or names a language without templates.
 */
export function pickLanguage<L extends string>(locale: string | undefined, available: readonly L[], fallback: L): L {
  const language = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return available.find((candidate) => candidate === language) ?? fallback;
}
