// The filter picks whole days as the officer reads them, in Asia/Shanghai (UTC+8 all year, no
// daylight saving), and sends instants to the API.

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a calendar day written 2026-03-02. */
export function isDay(value: string | null | undefined): value is string {
  return typeof value === 'string' && dayPattern.test(value);
}

/** The first instant of a Shanghai day, as ISO 8601 with its offset. */
export function dayStart(day: string): string {
  return `${day}T00:00:00.000+08:00`;
}

/** The last instant of a Shanghai day, as ISO 8601 with its offset. */
export function dayEnd(day: string): string {
  return `${day}T23:59:59.999+08:00`;
}
