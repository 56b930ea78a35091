/** Amounts in the case forms: typed in 元 with at most two decimals, sent as integer fen. */

/** The fen of an amount typed in 元 ("500", "500.5", "500.50"); null when it is not one. */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) {
    return null;
  }
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** An amount in fen written in 元: 50000 → "500", 50050 → "500.50". */
export function fenToYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? String(yuan) : `${yuan}.${String(rest).padStart(2, '0')}`;
}

/** Today's date in Shanghai as YYYY-MM-DD, the default of the date fields. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
