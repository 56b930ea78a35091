// The ticket indicators' counts of every street, counted by the database: a quarter of a
// district is about 125 000 tickets, too many to load for the scores (docs/performance.md). The
// drill-down lists one street's tickets from records.ts, which must give the same counts.
import type { IndicatorKey } from '../../contract/assessment.js';
import type { IndicatorCounts } from '../../domain/assessment/indicators.js';
import { periodDates, type Period } from '../../domain/assessment/period.js';
import type { Db } from '../db/database.js';
import * as store from './store.js';

/** A street's counts of the five ticket indicators. */
export type TicketCounts = Partial<Record<IndicatorKey, IndicatorCounts>>;

/** The streets' ticket indicator counts for a period; a street without tickets is absent. */
export async function countTicketIndicators(
  db: Db,
  period: Period,
  now: Date,
  streetIds: readonly string[],
): Promise<Map<string, TicketCounts>> {
  const range = { from: period.from.toISOString(), to: period.to.toISOString() };
  const rows = await store.countTicketIndicators(
    db,
    { ...range, ...periodDates(period) },
    now.toISOString(),
    streetIds,
  );
  return new Map(
    rows.map((r) => [
      r.streetId,
      {
        first_contact_on_time: { numerator: r.contact_on_time, denominator: r.contact_due },
        resolved_on_time: { numerator: r.resolved_on_time, denominator: r.resolve_due },
        community_tier_share: { numerator: r.community_tier, denominator: r.resolved },
        online_channel_share: { numerator: r.online, denominator: r.received },
        ticket_satisfaction: { numerator: r.satisfied, denominator: r.rated },
      },
    ]),
  );
}
