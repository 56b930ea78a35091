/** The languages of the interface; Simplified Chinese comes first. */
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

export type Messages = Readonly<Record<string, string>>;
export type TranslateVars = Readonly<Record<string, string | number>>;
export type Translate = (key: string, vars?: TranslateVars) => string;

/** Looks a key up and fills `{name}` placeholders; a missing key shows itself so it is noticed. */
export function translate(messages: Messages, key: string, vars?: TranslateVars): string {
  const template = messages[key] ?? key;
  if (!vars) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** True when the key exists, for labels derived from server data such as timeline types. */
export function hasMessage(messages: Messages, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(messages, key);
}
