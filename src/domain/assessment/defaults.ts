// The weights and targets seeded as scheme version 1. They are our own choice, not taken from the
// implementation measures, which name the six dimensions but no weights; the bureau admin
// replaces them (docs/assessment.md).
import type { SchemeBody } from '../../contract/assessment.js';

/** The first month version 1 applies to: early enough to cover every record kept. */
export const DEFAULT_SCHEME_FROM = '2020-01';

/** Version 1: dimension weights summing to 100; indicator weights summing to 100 per dimension. */
export const defaultScheme: SchemeBody = {
  dimensions: {
    complaints: 30,
    cases: 15,
    education: 10,
    digital: 15,
    satisfaction: 20,
    exemplary: 10,
  },
  indicators: {
    first_contact_on_time: { weight: 40, target: 0.95 },
    resolved_on_time: { weight: 40, target: 0.9 },
    community_tier_share: { weight: 20, target: 0.6 },
    case_decided_in_limit: { weight: 100, target: 1 },
    education_events: { weight: 50, target: 2 },
    education_attendance: { weight: 50, target: 30 },
    online_channel_share: { weight: 30, target: 0.5 },
    placard_coverage: { weight: 40, target: 1 },
    visit_compliance: { weight: 30, target: 0.9 },
    ticket_satisfaction: { weight: 60, target: 0.9 },
    survey_satisfaction: { weight: 40, target: 0.9 },
    exemplary_work: { weight: 100, target: 1 },
  },
};

/** The version of a period: the latest whose first month is not after the period's first. */
export function schemeForMonth<T extends { effectiveFrom: string; version: number }>(
  versions: readonly T[],
  firstMonth: string,
): T | undefined {
  let found: T | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > firstMonth) {
      continue;
    }
    const later =
      !found ||
      v.effectiveFrom > found.effectiveFrom ||
      (v.effectiveFrom === found.effectiveFrom && v.version > found.version);
    if (later) {
      found = v;
    }
  }
  return found;
}
