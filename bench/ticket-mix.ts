// What a generated ticket is about, in the proportions of the district's figures (docs/sources.md
// §1.4): about 40 % are complaints about property management (物业管理) inside residential
// compounds; the rest spread over the other matters and the other kinds of ticket.
import type { TicketKind } from '../src/contract/tickets.js';

/** The share of tickets that are property-management complaints. */
export const propertyComplaintShare = 0.4;

/** The kinds of the other 60 %, with their weights (complaints about other matters first). */
const otherKinds: readonly [TicketKind, number][] = [
  ['complaint', 0.3],
  ['report', 0.25],
  ['consultation', 0.2],
  ['help', 0.15],
  ['suggestion', 0.1],
];

/** The matter catalogue split into property-management matters and the others. */
export interface MatterPools {
  property: string[];
  other: string[];
}

/** A matter belongs to property management when its prohibition rests on 住宅物业管理规定. */
export function matterPools(matters: { code: string; prohibition_basis: string }[]): MatterPools {
  const isProperty = (m: { prohibition_basis: string }) =>
    m.prohibition_basis.includes('住宅物业管理规定');
  return {
    property: matters.filter(isProperty).map((m) => m.code),
    other: matters.filter((m) => !isProperty(m)).map((m) => m.code),
  };
}

/** A small deterministic random generator (mulberry32), so two runs generate the same data. */
export function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One element of a list, chosen by a number in [0, 1). */
export function pick<T>(list: readonly T[], r: number): T {
  return list[Math.min(list.length - 1, Math.floor(r * list.length))] as T;
}

function weighted<T>(choices: readonly [T, number][], r: number): T {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let left = r * total;
  for (const [value, weight] of choices) {
    left -= weight;
    if (left < 0) {
      return value;
    }
  }
  return (choices[choices.length - 1] as [T, number])[0];
}

/** The kind and matter of one ticket; a consultation or suggestion names no matter. */
export function kindAndMatter(
  random: () => number,
  pools: MatterPools,
): { kind: TicketKind; matterCode: string | null; property: boolean } {
  if (random() < propertyComplaintShare) {
    return { kind: 'complaint', matterCode: pick(pools.property, random()), property: true };
  }
  const kind = weighted(otherKinds, random());
  const named = kind === 'complaint' || kind === 'report' || (kind === 'help' && random() < 0.5);
  return { kind, matterCode: named ? pick(pools.other, random()) : null, property: false };
}
