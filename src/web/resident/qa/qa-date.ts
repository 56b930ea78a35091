import { formatDateTime } from '../../shared/format-date';

/** The Shanghai date of an instant, 2025/10/14. */
export function formatDay(iso: string): string {
  return formatDateTime(iso).slice(0, 10);
}
