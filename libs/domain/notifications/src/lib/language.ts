/** The languages every template is written in. */
export const Languages = ['en', 'zh', 'pt', 'es', 'ru', 'ar'] as const;
export type Language = (typeof Languages)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (Languages as readonly string[]).includes(value);
}

/**
 * The most likely language of a country, from the CLDR likely-subtags data Node's ICU ships
 * (`und-BR` maximizes to `pt-Latn-BR`): maintained upstream, no hand-made table. Countries whose
 * language has no templates get English.
 */
export function languageOfCountry(country: string | null | undefined): Language {
  if (!country || !/^[A-Za-z]{2}$/.test(country)) return DEFAULT_LANGUAGE;
  const language = new Intl.Locale('und', { region: country.toUpperCase() }).maximize().language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** A person's own choice first, then their center's country. */
export function recipientLanguage(choice: { preferred?: string | null; country?: string | null }): Language {
  return isLanguage(choice.preferred) ? choice.preferred : languageOfCountry(choice.country);
}
