// One formatter for the whole interface: every instant is shown in Shanghai time, whatever the
// device's own zone, as 2025/10/14 23:59 in both languages.
const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(date)) {
    parts[part.type] = part.value;
  }
  return parts;
}

/** An instant as date and time in Asia/Shanghai, e.g. 2025/10/14 23:59. */
export function formatDateTime(iso: string | null | undefined): string {
  const p = iso ? partsOf(iso) : null;
  if (!p) {
    return '';
  }
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}`;
}
