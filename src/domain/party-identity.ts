import type { PartyKind } from './case-fines.js';

/**
 * The identity numbers of a case's party: a person's 居民身份证号码 (GB 11643-1999) or an
 * organisation's 统一社会信用代码 (GB 32100-2015), normalised and checked by their check character,
 * (masked by src/domain/personal-data.ts). The check character catches a mistyped digit, which
 * would otherwise make an earlier case of the same party invisible to the first-violation check.
 */

/** A number as typed: full-width forms folded (NFKC), spaces and dashes dropped, upper case. */
export function normalizeIdentityNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-\u200B-\u200D\uFEFF]/g, '')
    .toUpperCase();
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** Whether an 18-character 居民身份证号码 has the right check character (ISO 7064 MOD 11-2). */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) {
    return false;
  }
  const sum = idWeights.reduce((total, w, i) => total + w * Number(id[i]), 0);
  return idCheckChars[sum % 11] === id[17];
}

const usccChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Whether an 18-character 统一社会信用代码 has the right check character (GB 32100-2015). */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18 || [...code].some((c) => !usccChars.includes(c))) {
    return false;
  }
  const sum = usccWeights.reduce((total, w, i) => total + w * usccChars.indexOf(code[i] ?? ''), 0);
  const check = (31 - (sum % 31)) % 31;
  return usccChars[check] === code[17];
}

/** Whether a normalised number is valid for the kind of party. */
export function isValidIdentityNumber(kind: PartyKind, normalised: string): boolean {
  return kind === 'person' ? isValidResidentId(normalised) : isValidCreditCode(normalised);
}
