const DAY = 24 * 3600_000;
const SHANGHAI = 8 * 3600_000;

/** The Shanghai calendar day of an instant, YYYY-MM-DD. */
export function shanghaiDay(instant: Date | string | number): string {
  const ms =
    typeof instant === 'string'
      ? Date.parse(instant)
      : typeof instant === 'number'
        ? instant
        : instant.getTime();
  return new Date(ms + SHANGHAI).toISOString().slice(0, 10);
}

/** The presets of the range picker, in days back from today. */
export const rangePresets = ['3m', '6m', '12m'] as const;
export type RangePreset = (typeof rangePresets)[number];

const presetMonths: Record<RangePreset, number> = { '3m': 3, '6m': 6, '12m': 12 };

/** The days of a preset: from the same day some months ago to today. */
export function presetRange(preset: RangePreset, now: Date): { from: string; to: string } {
  const to = shanghaiDay(now);
  const start = new Date(`${to}T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() - presetMonths[preset]);
  return { from: new Date(start.getTime() + DAY).toISOString().slice(0, 10), to };
}

/** The days of a trend bucket [from, to) given as instants. */
export function bucketDays(bucket: { from: string; to: string }): { from: string; to: string } {
  return { from: shanghaiDay(bucket.from), to: shanghaiDay(Date.parse(bucket.to) - 1) };
}

/** The assessment quarter of a day, 2026-Q3. */
export function quarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${String(Math.ceil(month / 3))}`;
}

/** Whether text is a day written YYYY-MM-DD. */
export function isDay(text: string | null): text is string {
  return text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text);
}
