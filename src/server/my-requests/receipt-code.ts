// Receipt codes as residents type them: from a paper receipt, an SMS, read aloud over the phone.

/** Dashes of every width and kind, and the katakana long mark a Chinese keyboard gives for one. */
const dashes = /[\u002D\u2010-\u2015\u2212\u30FC\uFF0D\uFF70]/g;

/**
 * A receipt code in the one form the sources are asked with: full-width letters and digits made
 * ASCII (NFKC), upper case, spaces and dashes between groups made one '-', none at either end.
 * `ll abcde fghjk`, `ＬＬ－ＡＢＣＤＥ－ＦＧＨＪＫ` and `LL-ABCDE-FGHJK` all become the last.
 */
export function normalizeReceiptCode(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(dashes, '-')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Characters people confuse in a Crockford base32 code, as the code means them. */
const crockfordLookalikes: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * The tracking code of a ticket (LL-9K2QD-7MHXA, src/server/tickets/intake.ts) that a normalised
 * receipt code stands for, whether typed with its dashes or without; O read as 0, I and L as 1
 * in the ten random characters, which never contain them. Null when it is no tracking code.
 */
export function ticketTrackingCode(normalized: string): string | null {
  const match = /^LL([0-9A-Z]{10})$/.exec(normalized.replace(/-/g, ''));
  if (!match?.[1]) {
    return null;
  }
  const body = match[1].replace(/[OIL]/g, (c) => crockfordLookalikes[c] ?? c);
  return /U/.test(body) ? null : `LL-${body.slice(0, 5)}-${body.slice(5)}`;
}
