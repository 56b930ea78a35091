import type { LegalReviewRule } from './case-deadlines.js';

/** Whom a case is against: a natural person, or an organisation (a company, a shop, …). */
export type PartyKind = 'person' | 'organisation';

/** The statutory range of an ordinary case, or the higher one of a serious case (情节严重). */
export type Circumstance = 'ordinary' | 'serious';

/** One statutory fine range of a matter, in fen, for one kind of party and circumstance. */
export interface FineRange {
  partyKind: PartyKind;
  circumstance: Circumstance;
  minFen: number;
  maxFen: number;
}

/**
 * What a fine checked against its matter's ranges comes to: inside the range; outside it (below
 * the minimum or above the maximum, with the range); a serious circumstance the matter has no
 * range for; or no structured range at all, so any amount is taken and the officer is warned.
 */
export type FineCheck =
  | { ok: true; range: FineRange }
  | { ok: true; range: null }
  | { ok: false; reason: 'below_min' | 'above_max'; range: FineRange }
  | { ok: false; reason: 'no_serious_range'; range: null };

/** Checks a fine against the ranges of its matter for the party's kind and the circumstance. */
export function checkFine(
  ranges: readonly FineRange[],
  partyKind: PartyKind,
  serious: boolean,
  fineFen: number,
): FineCheck {
  const ofParty = ranges.filter((r) => r.partyKind === partyKind);
  if (ofParty.length === 0) {
    return { ok: true, range: null };
  }
  const circumstance: Circumstance = serious ? 'serious' : 'ordinary';
  const range = ofParty.find((r) => r.circumstance === circumstance);
  if (!range) {
    return { ok: false, reason: 'no_serious_range', range: null };
  }
  if (fineFen < range.minFen) {
    return { ok: false, reason: 'below_min', range };
  }
  if (fineFen > range.maxFen) {
    return { ok: false, reason: 'above_max', range };
  }
  return { ok: true, range };
}

/**
 * Whether a decision needs 法制审核 before it is made (《行政处罚法》第五十八条): a fine at or above
 * the threshold for the party's kind, or a case in which a hearing was held.
 */
export function legalReviewRequired(
  rule: LegalReviewRule,
  partyKind: PartyKind,
  fineFen: number | null,
  hearingHeld: boolean,
): boolean {
  if (hearingHeld && rule.afterHearing) {
    return true;
  }
  if (fineFen === null) {
    return false;
  }
  return fineFen >= (partyKind === 'person' ? rule.personFen : rule.organisationFen);
}

/** An amount in fen written in 元 as people read it: 50000 → "500", 50050 → "500.50". */
export function formatYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? String(yuan) : `${yuan}.${String(rest).padStart(2, '0')}`;
}
