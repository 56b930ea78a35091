import type { Locale, Messages } from './translate';

// Each language is its own small chunk, so a page downloads only the language it shows.
const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  'zh-CN': () => import('../locales/zh-CN.json'),
  en: () => import('../locales/en.json'),
};

/** Fetches the messages of one language. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const module = await loaders[locale]();
  return module.default;
}
