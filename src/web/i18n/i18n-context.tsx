import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { storeLocale } from './locale-choice';
import { loadMessages } from './load-messages';
import type { MessagePart } from './message-parts';
import { hasMessage, translate, type Locale, type Messages, type Translate } from './translate';

export interface I18n {
  locale: Locale;
  t: Translate;
  /** True when the key exists in the current language. */
  has: (key: string) => boolean;
  setLocale: (locale: Locale) => void;
  /** Which messages are loaded; the workbench asks for all of them with `loadAll`. */
  part: MessagePart;
  loadAll: () => void;
}

const I18nContext = createContext<I18n | null>(null);

interface I18nProviderProps {
  initialLocale: Locale;
  initialMessages: Messages;
  /** The part initialMessages holds (default all). */
  initialPart?: MessagePart;
  children: ReactNode;
}

/** Holds the current language and its messages; switching loads the other language first. */
export function I18nProvider({
  initialLocale,
  initialMessages,
  initialPart = 'all',
  children,
}: I18nProviderProps) {
  const [state, setState] = useState({
    locale: initialLocale,
    messages: initialMessages,
    part: initialPart,
  });

  const setLocale = useCallback(
    (locale: Locale) => {
      storeLocale(locale);
      void loadMessages(locale, state.part).then((messages) => {
        setState((s) => ({ ...s, locale, messages }));
      });
    },
    [state.part],
  );

  const loadAll = useCallback(() => {
    if (state.part === 'all') {
      return;
    }
    void loadMessages(state.locale, 'all').then((messages) => {
      setState((s) => (s.locale === state.locale ? { ...s, messages, part: 'all' } : s));
    });
  }, [state.locale, state.part]);

  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);

  const value = useMemo<I18n>(
    () => ({
      locale: state.locale,
      t: (key, vars) => translate(state.messages, key, vars),
      has: (key) => hasMessage(state.messages, key),
      setLocale,
      part: state.part,
      loadAll,
    }),
    [state, setLocale, loadAll],
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
