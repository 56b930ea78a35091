import type { CaseStatus, CaseStep, DecisionKind } from '../contract/cases.js';

/**
 * The enforcement case state machine (一般程序, 《行政处罚法》第五十四条至第七十三条): the one source
 * for the server, the workbench buttons and the tests.
 *
 *   registered 立案 → investigating 调查取证 → notified 告知 (陈述申辩, 听证) → decided 决定
 *     → delivered 送达 → executing 执行 → closed 结案;   cancelled 撤销立案 before a decision.
 *
 * A no-penalty decision (第三十三条) may follow the investigation directly: 告知 is owed before a
 * penalty is imposed (第四十四条), not before a party is spared one.
 */
export type CaseRelation = 'officer' | 'street_admin' | 'bureau_admin' | 'unrelated';

/** What the machine needs to know of a case besides its state. */
export interface CaseFacts {
  status: CaseStatus;
  decisionKind: DecisionKind | null;
  /** The 告知 told the party of the right to a hearing (第六十三条). */
  hearingRight: boolean;
  hearingRequested: boolean;
  hearingScheduled: boolean;
  hearingHeld: boolean;
  /** The party said in their statement that they do not want a hearing. */
  hearingWaived: boolean;
  legalReviewApproved: boolean;
  paid: boolean;
  courtApplied: boolean;
  followedUp: boolean;
}

interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus | 'same';
  by: readonly CaseRelation[];
  when?: (facts: CaseFacts) => boolean;
}

const everyone: readonly CaseRelation[] = ['officer', 'street_admin', 'bureau_admin'];
// 法制审核 is done by someone other than the officers who investigated (第五十八条).
const reviewers: readonly CaseRelation[] = ['street_admin', 'bureau_admin'];
const beforeDecision: readonly CaseStatus[] = ['registered', 'investigating', 'notified'];

const penalty = (f: CaseFacts) => f.decisionKind === 'penalty';
const hearingOpen = (f: CaseFacts) => f.hearingRequested && !f.hearingHeld;

/** Every step a case can take, from which states, by whom, in button order. */
export const caseTransitions: Record<CaseStep, Transition> = {
  investigate: { from: ['registered'], to: 'investigating', by: everyone },
  notify: { from: ['investigating'], to: 'notified', by: everyone },
  record_statement: { from: ['notified'], to: 'same', by: everyone },
  request_hearing: {
    from: ['notified'],
    to: 'same',
    by: everyone,
    when: (f) => f.hearingRight && !f.hearingRequested && !f.hearingWaived,
  },
  schedule_hearing: { from: ['notified'], to: 'same', by: everyone, when: hearingOpen },
  hold_hearing: {
    from: ['notified'],
    to: 'same',
    by: everyone,
    when: (f) => f.hearingScheduled && !f.hearingHeld,
  },
  legal_review: {
    from: ['investigating', 'notified'],
    to: 'same',
    by: reviewers,
    when: (f) => !f.legalReviewApproved,
  },
  decide: {
    from: ['investigating', 'notified'],
    to: 'decided',
    by: everyone,
    when: (f) => !hearingOpen(f),
  },
  deliver: { from: ['decided'], to: 'delivered', by: everyone },
  record_payment: {
    from: ['delivered', 'executing'],
    to: 'executing',
    by: everyone,
    when: (f) => penalty(f) && !f.paid,
  },
  apply_court: {
    from: ['delivered'],
    to: 'executing',
    by: everyone,
    when: (f) => penalty(f) && !f.paid && !f.courtApplied,
  },
  follow_up: {
    from: ['delivered'],
    to: 'executing',
    by: everyone,
    when: (f) => f.decisionKind === 'no_penalty' && !f.followedUp,
  },
  close: {
    from: ['executing'],
    to: 'closed',
    by: everyone,
    when: (f) => (penalty(f) ? f.paid || f.courtApplied : f.followedUp),
  },
  cancel: { from: beforeDecision, to: 'cancelled', by: everyone },
};

/** The outcome of asking for a step. */
export type CaseDecision =
  { ok: true; to: CaseStatus } | { ok: false; refusal: 'forbidden' | 'transition_refused' };

/** Decides whether `relation` may take `step` on a case with these facts. */
export function decideCaseStep(
  facts: CaseFacts,
  relation: CaseRelation,
  step: CaseStep,
): CaseDecision {
  const t = caseTransitions[step];
  if (!t.by.includes(relation)) {
    return { ok: false, refusal: 'forbidden' };
  }
  if (!t.from.includes(facts.status) || (t.when && !t.when(facts))) {
    return { ok: false, refusal: 'transition_refused' };
  }
  return { ok: true, to: t.to === 'same' ? facts.status : t.to };
}

/** The steps an actor may take now, in button order: exactly the buttons to show. */
export function allowedCaseSteps(facts: CaseFacts, relation: CaseRelation): CaseStep[] {
  const steps = Object.keys(caseTransitions) as CaseStep[];
  return steps.filter((s) => decideCaseStep(facts, relation, s).ok);
}

/** Why a decision of this kind cannot be made yet, beyond the state. */
export type DecisionBlock = 'notice_first' | 'hearing_window_open' | 'legal_review_missing';

/** What a decision depends on that only dates and amounts tell. */
export interface DecisionContext {
  /** The last day to ask for a hearing has not passed yet. */
  hearingWindowOpen: boolean;
  /** The amount or a held hearing makes 法制审核 necessary. */
  legalReviewRequired: boolean;
}

/**
 * What keeps a decision of `kind` from being made now: a penalty needs the 告知 first (第四十四条)
 * and, when the party may ask for a hearing, the 5-day window closed or waived (第六十四条); a
 * decision that needs 法制审核 needs an approving review (第五十八条). Null means none.
 */
export function decisionBlock(
  facts: CaseFacts,
  kind: DecisionKind,
  context: DecisionContext,
): DecisionBlock | null {
  if (kind === 'penalty' && facts.status !== 'notified') {
    return 'notice_first';
  }
  const mayStillAsk = facts.hearingRight && !facts.hearingRequested && !facts.hearingWaived;
  if (kind === 'penalty' && mayStillAsk && context.hearingWindowOpen) {
    return 'hearing_window_open';
  }
  if (context.legalReviewRequired && !facts.legalReviewApproved) {
    return 'legal_review_missing';
  }
  return null;
}

/** States in which the case still needs work. */
export const openCaseStatuses: readonly CaseStatus[] = [
  'registered',
  'investigating',
  'notified',
  'decided',
  'delivered',
  'executing',
];
