import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import pt from './locales/pt.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };
import callCenterEn from '../pages/call-center/locales/en.json' with { type: 'json' };
import callCenterEs from '../pages/call-center/locales/es.json' with { type: 'json' };
import callCenterPt from '../pages/call-center/locales/pt.json' with { type: 'json' };
import callCenterZh from '../pages/call-center/locales/zh.json' with { type: 'json' };
import dealerEn from '../pages/dealer/locales/en.json' with { type: 'json' };
import dealerEs from '../pages/dealer/locales/es.json' with { type: 'json' };
import dealerPt from '../pages/dealer/locales/pt.json' with { type: 'json' };
import dealerZh from '../pages/dealer/locales/zh.json' with { type: 'json' };
import hqEn from '../pages/hq/locales/en.json' with { type: 'json' };
import hqEs from '../pages/hq/locales/es.json' with { type: 'json' };
import hqPt from '../pages/hq/locales/pt.json' with { type: 'json' };
import hqZh from '../pages/hq/locales/zh.json' with { type: 'json' };

export const LANGUAGES = { en: 'English', zh: '中文', pt: 'Português', es: 'Español' } as const;
export type Language = keyof typeof LANGUAGES;

/** One namespace per area (`useTranslation('hq')`), each with its own files, plus the shared default one. */
const resources = {
  en: { translation: en, hq: hqEn, dealer: dealerEn, callCenter: callCenterEn },
  zh: { translation: zh, hq: hqZh, dealer: dealerZh, callCenter: callCenterZh },
  pt: { translation: pt, hq: hqPt, dealer: dealerPt, callCenter: callCenterPt },
  es: { translation: es, hq: hqEs, dealer: dealerEs, callCenter: callCenterEs },
};
export const NAMESPACES = ['translation', 'hq', 'dealer', 'callCenter'] as const;

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
    ns: [...NAMESPACES],
    defaultNS: 'translation',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function setLanguage(lng: Language) {
  localStorage.setItem('aftersales.console.lang', lng);
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}
