import { locales, type Locale } from './translate';

const storageKey = 'linli.lang';

function parseLocale(value: string | null | undefined): Locale | null {
  if (!value) {
    return null;
  }
  const lower = value.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) {
    return 'en';
  }
  if (lower === 'zh' || lower.startsWith('zh-')) {
    return 'zh-CN';
  }
  return (locales as readonly string[]).includes(value) ? (value as Locale) : null;
}

function readStored(): Locale | null {
  try {
    return parseLocale(window.localStorage.getItem(storageKey));
  } catch {
    // Some web views forbid storage; the choice then lasts for the page only.
    return null;
  }
}

/** Remembers the chosen language on this device. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Storage may be disabled; the language still switches for this page.
  }
}

/** `?lang=` wins, then the remembered choice, then Simplified Chinese. */
export function initialLocale(): Locale {
  const fromQuery = parseLocale(new URLSearchParams(window.location.search).get('lang'));
  if (fromQuery) {
    storeLocale(fromQuery);
    return fromQuery;
  }
  return readStored() ?? 'zh-CN';
}
