import { languageOfCountry, recipientLanguage } from './language';

describe('recipient language', () => {
  it.each([
    ['CN', 'zh'],
    ['TW', 'zh'],
    ['BR', 'pt'],
    ['AO', 'pt'],
    ['MX', 'es'],
    ['ES', 'es'],
    ['RU', 'ru'],
    ['KZ', 'ru'],
    ['SA', 'ar'],
    ['EG', 'ar'],
    ['US', 'en'],
    ['cn', 'zh'],
  ])('a center in %s reads %s', (country, language) => {
    expect(languageOfCountry(country)).toBe(language);
  });

  it('falls back to English for a language without templates or a missing country', () => {
    expect(languageOfCountry('DE')).toBe('en');
    expect(languageOfCountry(undefined)).toBe('en');
    expect(languageOfCountry('not a country')).toBe('en');
  });

  it("prefers the person's own choice when it has templates", () => {
    expect(recipientLanguage({ preferred: 'ar', country: 'CN' })).toBe('ar');
    expect(recipientLanguage({ preferred: 'fr', country: 'BR' })).toBe('pt');
    expect(recipientLanguage({ preferred: null, country: 'RU' })).toBe('ru');
  });
});
