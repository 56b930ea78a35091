// Every language's messages loaded at once, for tests and checks that read all of them; the pages
// themselves load one language lazily (load-messages.ts).
import type { Locale, Messages } from './translate';

const eager = {
  'zh-CN': import.meta.glob<Messages>('../locales/zh-CN/*.json', {
    import: 'default',
    eager: true,
  }),
  en: import.meta.glob<Messages>('../locales/en/*.json', { import: 'default', eager: true }),
} satisfies Record<Locale, Record<string, Messages>>;

/** The files of one language by name (`core`, `visits`, …). */
export function catalogueFiles(locale: Locale): Record<string, Messages> {
  return Object.fromEntries(
    Object.entries(eager[locale]).map(([path, messages]) => [
      path.replace(/^.*\/([^/]+)\.json$/, '$1'),
      messages,
    ]),
  );
}

/** All messages of one language, merged. */
export function catalogue(locale: Locale): Messages {
  return Object.assign({}, ...Object.values(eager[locale])) as Messages;
}
