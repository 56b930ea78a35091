import { createRequire } from 'node:module';
import type { WorkingCalendar } from '../../domain/working-calendar.js';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The public holidays and swapped working days of the State Council's yearly notice, as the
 * maintained `chinese-days` package ships them.
 */
export function packageCalendar(): Omit<WorkingCalendar, 'overrides'> {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const holidays = new Set(Object.keys(data.holidays));
  const swappedWorkdays = new Set(Object.keys(data.workdays));
  const packageYears = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
  return { holidays, swappedWorkdays, packageYears };
}
