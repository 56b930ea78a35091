/** A YYYY-MM-DD calendar date as the language of the page writes it, e.g. 13 June 2026. */
export function formatDay(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const instant = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(instant);
}
