import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { storeLocale } from './locale-choice';
import { loadMessages } from './load-messages';
import { hasMessage, translate, type Locale, type Messages, type Translate } from './translate';

export interface I18n {
  locale: Locale;
  t: Translate;
  /** True when the key exists in the current language. */
  has: (key: string) => boolean;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

interface I18nProviderProps {
  initialLocale: Locale;
  initialMessages: Messages;
  children: ReactNode;
}

/** Holds the current language and its messages; switching loads the other language first. */
export function I18nProvider({ initialLocale, initialMessages, children }: I18nProviderProps) {
  const [state, setState] = useState({ locale: initialLocale, messages: initialMessages });

  const setLocale = useCallback((locale: Locale) => {
    storeLocale(locale);
    void loadMessages(locale).then((messages) => {
      setState({ locale, messages });
    });
  }, []);

  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);

  const value = useMemo<I18n>(
    () => ({
      locale: state.locale,
      t: (key, vars) => translate(state.messages, key, vars),
      has: (key) => hasMessage(state.messages, key),
      setLocale,
    }),
    [state, setLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translation function and language of the nearest provider. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) {
    throw new Error('useI18n outside I18nProvider');
  }
  return i18n;
}
