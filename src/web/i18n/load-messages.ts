import type { Locale, Messages } from './translate';

// Each language is a folder of files, one per area of the interface (core.json, visits.json, …),
// so that an area's labels live beside each other. Each language is its own chunk, so a page
// downloads only the language it shows.
const files = {
  'zh-CN': import.meta.glob<Messages>('../locales/zh-CN/*.json', { import: 'default' }),
  en: import.meta.glob<Messages>('../locales/en/*.json', { import: 'default' }),
} satisfies Record<Locale, Record<string, () => Promise<Messages>>>;

/** Fetches the messages of one language, all its files merged. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(Object.values(files[locale]).map((load) => load()));
  return Object.assign({}, ...parts) as Messages;
}
