// Which records an indicator counts: for each record, whether it is in the denominator and
// whether it is in the numerator. The scores and the drill-down both use these, so a drill-down
// lists exactly the records behind the number.
import type { IndicatorKey } from '../../contract/assessment.js';
import type { IndicatorCounts } from './indicators.js';

/** A ticket as the assessment reads it; times are ISO instants. */
export interface TicketFacts {
  channel: string;
  createdAt: string;
  firstContactAt: string | null;
  firstContactDueAt: string | null;
  resolvedAt: string | null;
  resolveDueAt: string;
  resolvedTier: string | null;
  rating: string | null;
}

/** Whether a record is in the denominator (`in`) and the numerator (`counts`), or left out. */
export interface Membership {
  in: boolean;
  counts: boolean;
}

const out: Membership = { in: false, counts: false };

/** The channels residents use themselves: the QR code of the placard (the online form). */
export const onlineChannels: readonly string[] = ['placard'];

/**
 * A ticket in a ticket indicator. On-time is judged once the time is known: a ticket not yet
 * contacted (or resolved) counts against the street only once its deadline has passed by `now`.
 */
export function ticketMembership(key: IndicatorKey, t: TicketFacts, now: string): Membership {
  switch (key) {
    case 'first_contact_on_time': {
      const due = t.firstContactDueAt;
      if (due === null || (t.firstContactAt === null && due >= now)) {
        return out;
      }
      return { in: true, counts: t.firstContactAt !== null && t.firstContactAt <= due };
    }
    case 'resolved_on_time':
      if (t.resolvedAt === null && t.resolveDueAt >= now) {
        return out;
      }
      return { in: true, counts: t.resolvedAt !== null && t.resolvedAt <= t.resolveDueAt };
    case 'community_tier_share':
      return t.resolvedAt === null ? out : { in: true, counts: t.resolvedTier === 'community' };
    case 'online_channel_share':
      return { in: true, counts: onlineChannels.includes(t.channel) };
    case 'ticket_satisfaction':
      // The resident's own verdict only; the handler's assessment is kept apart (DOMAIN §9.5).
      return t.rating === null
        ? out
        : { in: true, counts: t.rating === 'satisfied' || t.rating === 'basically_satisfied' };
    default:
      return out;
  }
}

/** A case decided in the period: counted when decided by the last day of its decision limit. */
export function caseMembership(decidedOn: string, decisionLastDay: string | null): Membership {
  if (decisionLastDay === null) {
    return out;
  }
  return { in: true, counts: decidedOn <= decisionLastDay };
}

/** Adds up memberships into counts. */
export function tally(memberships: Iterable<Membership>): IndicatorCounts {
  let numerator = 0;
  let denominator = 0;
  for (const m of memberships) {
    denominator += m.in ? 1 : 0;
    numerator += m.counts ? 1 : 0;
  }
  return { numerator, denominator };
}

/** The ticket indicators. */
export const ticketIndicators: readonly IndicatorKey[] = [
  'first_contact_on_time',
  'resolved_on_time',
  'community_tier_share',
  'online_channel_share',
  'ticket_satisfaction',
];
