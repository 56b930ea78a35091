// Dates as the mediation forms use them: calendar dates and wall-clock times in Asia/Shanghai,
// whatever the device's own time zone.
const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return dateFormat.format(now);
}

/** A datetime-local value (2025-10-09T09:30) read as Shanghai time, as an ISO instant. */
export function shanghaiInstant(local: string): string {
  return new Date(`${local}:00+08:00`).toISOString();
}

/** A calendar date as shown: 2025/10/09. */
export function formatDay(date: string | null | undefined): string {
  return date ? date.replaceAll('-', '/') : '';
}
