import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** The reader's language, kept for the next visit; dates and numbers follow it. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <select name="language" aria-label={t('nav.language')} value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
      {Object.entries(LANGUAGES).map(([code, name]) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </select>
  );
}
