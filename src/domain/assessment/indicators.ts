// The indicators of the street assessment (实施办法 六(三)): which dimension each belongs to, how
// its value is formed from counts, and how the value becomes a score. The counts come from the
// records (src/server/assessment/counts.ts); docs/assessment.md lists their sources.
import type { DimensionKey, IndicatorKey } from '../../contract/assessment.js';

/**
 * What the value is; every indicator scores min(1, value / target) × 100 with
 * value = numerator / denominator, and has no score when the denominator is 0.
 * - 'ratio': a share of records (on time, at the community tier, satisfied).
 * - 'per_event': a mean per record (attendance per event).
 * - 'per_month': records per month of the period (the denominator is the number of months)
 *   against a monthly target. The score is capped at the target, so entering more records than
 *   the target earns nothing: a coverage duty, not a raw-count incentive (DOMAIN §9 item 6).
 * - 'per_quarter': the same per quarter (the denominator is months / 3), for the rarer records.
 */
export type ScoreRule = 'ratio' | 'per_event' | 'per_month' | 'per_quarter';

export interface IndicatorDefinition {
  key: IndicatorKey;
  dimension: DimensionKey;
  rule: ScoreRule;
}

/** The indicators in the order they are shown. */
export const indicatorDefinitions: readonly IndicatorDefinition[] = [
  { key: 'first_contact_on_time', dimension: 'complaints', rule: 'ratio' },
  { key: 'resolved_on_time', dimension: 'complaints', rule: 'ratio' },
  { key: 'community_tier_share', dimension: 'complaints', rule: 'ratio' },
  { key: 'case_decided_in_limit', dimension: 'cases', rule: 'ratio' },
  { key: 'education_events', dimension: 'education', rule: 'per_month' },
  { key: 'education_attendance', dimension: 'education', rule: 'per_event' },
  { key: 'online_channel_share', dimension: 'digital', rule: 'ratio' },
  { key: 'placard_coverage', dimension: 'digital', rule: 'ratio' },
  { key: 'visit_compliance', dimension: 'digital', rule: 'ratio' },
  { key: 'ticket_satisfaction', dimension: 'satisfaction', rule: 'ratio' },
  { key: 'survey_satisfaction', dimension: 'satisfaction', rule: 'ratio' },
  { key: 'exemplary_work', dimension: 'exemplary', rule: 'per_quarter' },
];

/** The definition of one indicator. */
export function indicatorDefinition(key: IndicatorKey): IndicatorDefinition {
  const found = indicatorDefinitions.find((d) => d.key === key);
  if (!found) {
    throw new Error(`unknown indicator ${key}`);
  }
  return found;
}

/** The counts behind one indicator of one street. */
export interface IndicatorCounts {
  numerator: number;
  denominator: number;
}

/** The denominator of a counted indicator: months of the period, or quarters (months / 3). */
export function periodDenominator(rule: 'per_month' | 'per_quarter', months: number): number {
  return rule === 'per_month' ? months : months / 3;
}
