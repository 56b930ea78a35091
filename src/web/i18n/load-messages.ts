import { workbenchOnlyFiles, type MessagePart } from './message-parts';
import type { Locale, Messages } from './translate';

export { messagePartOf, type MessagePart } from './message-parts';

// Each language is a folder of files, one per area of the interface (core.json, visits.json, …),
// so that an area's labels live beside each other. Each language is its own chunk, so a page
// downloads only the language it shows.
const files = {
  'zh-CN': import.meta.glob<Messages>('../locales/zh-CN/*.json', { import: 'default' }),
  en: import.meta.glob<Messages>('../locales/en/*.json', { import: 'default' }),
} satisfies Record<Locale, Record<string, () => Promise<Messages>>>;

/** Fetches the messages of one language (all its files, or the resident part) merged. */
export async function loadMessages(locale: Locale, part: MessagePart = 'all'): Promise<Messages> {
  const wanted = Object.entries(files[locale]).filter(
    ([file]) =>
      part === 'all' || !workbenchOnlyFiles.has(file.replace(/^.*\/([^/]+)\.json$/, '$1')),
  );
  const parts = await Promise.all(wanted.map(([, load]) => load()));
  return Object.assign({}, ...parts) as Messages;
}
