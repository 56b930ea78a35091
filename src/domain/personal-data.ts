/** Normalisation and masking of personal data; the one place these rules live (mask*). */

const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD\s\-()（）]/g;

/**
 * A phone number as typed, normalised before validation: full-width digits become ASCII (NFKC),
 * spaces, dashes and zero-width characters are dropped, and a +86 / 0086 prefix is removed.
 */
export function normalizePhone(raw: string): string {
  const compact = raw.normalize('NFKC').replace(invisible, '');
  return compact.replace(/^(\+86|0086)/, '');
}

/**
 * A person's name as typed, normalised before validation: NFC, trimmed, runs of spaces made one
 * (the rule of what a name may contain is personNameSchema in src/contract/tickets.ts).
 */
export function normalizePersonName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * A name masked to its first character and one star (张三 → 张*, 欧阳娜娜 → 欧*), so that neither
 * the given name nor its length shows.
 */
export function maskName(name: string): string {
  const first = [...name][0] ?? '';
  return `${first}*`;
}

/** A mobile number masked as 138****8000; anything else keeps only its last 4 characters. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) {
    return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  }
  return phone.length <= 4 ? '****' : `****${phone.slice(-4)}`;
}

/**
 * An identity number (resident ID or 统一社会信用代码) masked to its first 4 and last 4
 * characters: 1101**********002X. Four leading digits name the city only, not the district.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) {
    return '*'.repeat(id.length);
  }
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** An organisation's name masked to its first two and last two characters: 上海****公司. */
export function maskOrganisationName(name: string): string {
  const chars = [...name];
  if (chars.length <= 4) {
    return `${chars[0] ?? ''}***`;
  }
  return `${chars.slice(0, 2).join('')}****${chars.slice(-2).join('')}`;
}

/** An address masked to its first six characters: 杨浦区殷行路**** . */
export function maskAddress(address: string): string {
  return `${[...address].slice(0, 6).join('')}****`;
}

/**
 * The documented normalisation of free text (docs/text-normalisation.md): a leading BOM is
 * removed, line breaks become LF, the text is NFC-composed and trimmed. Nothing else changes, so
 * emoji sequences and rare characters come back byte-identical.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .trim();
}
