import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import pt from './locales/pt.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };

export const LANGUAGES = { en: 'English', zh: '中文', pt: 'Português', es: 'Español' } as const;
export type Language = keyof typeof LANGUAGES;

/** The browser's first language the console speaks, else English. */
export function preferredLanguage(candidates: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of candidates) {
    const base = tag.toLowerCase().split('-')[0] as Language;
    if (base in LANGUAGES) return base;
  }
  return 'en';
}

export function initI18n(lng: Language = (localStorage.getItem('aftersales.console.lang') as Language | null) ?? preferredLanguage()) {
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, zh: { translation: zh }, pt: { translation: pt }, es: { translation: es } },
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return i18next;
}

export function setLanguage(lng: Language) {
  localStorage.setItem('aftersales.console.lang', lng);
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}
