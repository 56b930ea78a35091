// The credit standing of a decided penalty case: its class (the default from the decision, or the
// one an officer set with a reason), its publication dates and whether repair may be applied for.
import type { CreditStanding } from '../../contract/credit.js';
import {
  defaultCreditClass,
  obligationMetOn,
  repairStanding,
  type CreditClass,
  type CreditRules,
  type RepairStanding,
} from '../../domain/credit-repair.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { CreditCase } from './store.js';

/** The class the decision has without an officer's choice, or null when nothing is published. */
export function defaultClassOf(c: CreditCase, rules: CreditRules): CreditClass | null {
  if (!c.decided_on || !c.decision_no) {
    return null;
  }
  return defaultCreditClass(
    {
      kind: c.decision_kind === 'penalty' ? 'penalty' : 'no_penalty',
      fineFen: c.fine_fen,
      partyKind: c.party_kind,
    },
    rules,
  );
}

/** The class in force: the officer's, else the default. */
export function classOf(c: CreditCase, rules: CreditRules): CreditClass | null {
  const fallback = defaultClassOf(c, rules);
  return fallback === null ? null : ((c.override_class as CreditClass | null) ?? fallback);
}

/** The standing of a case on the day of `now`, or null when it has no published penalty. */
export function standingOf(c: CreditCase, rules: CreditRules, now: Date): RepairStanding | null {
  const cls = classOf(c, rules);
  if (!cls || !c.decided_on) {
    return null;
  }
  const closedOn = c.closed_at ? shanghaiDate(new Date(c.closed_at)) : null;
  return repairStanding(
    {
      cls,
      decidedOn: c.decided_on,
      obligationMetOn: obligationMetOn({ paidOn: c.paid_on, closedOn }),
      today: shanghaiDate(now),
    },
    rules,
  );
}

/** What the public check and the case page show of a standing. */
export function presentStanding(s: RepairStanding): CreditStanding {
  return {
    creditClass: s.cls,
    earliestOn: s.earliestOn,
    publicationLastDay: s.maxLastDay,
    blockers: s.blockers,
  };
}
