// Re-renders a component tree when the UI language changes.
import { useEffect, useState } from 'preact/hooks';
import { getLanguage, onLanguageChange, type Lang } from '../../shared/i18n';

/** The current UI language; the caller re-renders when it changes. */
export function useLang(): Lang {
  const [lang, setLang] = useState(getLanguage());
  useEffect(() => onLanguageChange(setLang), []);
  return lang;
}
