// The mediation state machine (调解), pure: which step is allowed in which state and for whom,
// and the state it leads to. The server, the workbench buttons and the tests all read it.
import type { MediationStatus, MediationStep, PerformanceResult } from '../contract/mediations.js';

/**
 * How a staff member stands to a mediation: a 城管 officer named as its mediator or who opened
 * it, a liaison of its community's room, the street admin of its street, the bureau admin, or
 * none of these.
 */
export type MediationRelation =
  'mediator' | 'community_liaison' | 'street_admin' | 'bureau_admin' | 'unrelated';

/** What the machine needs to know of a stored mediation. */
export interface MediationFacts {
  status: MediationStatus;
  /** Whether a 人民调解委员会 mediator takes part (only they sign an agreement, Art 29). */
  hasCommitteeMediator: boolean;
  checkResult: PerformanceResult | null;
  hasFollowup: boolean;
}

/** Why a step is refused. */
export type MediationRefusal = 'forbidden' | 'not_in_this_state' | 'committee_mediator_required';

export type MediationDecision =
  { ok: true; to: MediationStatus } | { ok: false; refusal: MediationRefusal };

/** The states a mediation rests in once the mediation itself is over. */
export const concludedStatuses: readonly MediationStatus[] = [
  'agreed_written',
  'agreed_oral',
  'ended_no_agreement',
  'performance_checked',
];

/** The states in which the agreement still waits for its performance check. */
const agreedStatuses: readonly MediationStatus[] = ['agreed_written', 'agreed_oral'];

/** Who may take each step: every officer who stands to the mediation (docs/mediation.md). */
const actors: Record<MediationStep, readonly MediationRelation[]> = {
  add_session: ['mediator', 'community_liaison', 'street_admin', 'bureau_admin'],
  record_written: ['mediator', 'community_liaison', 'street_admin', 'bureau_admin'],
  record_oral: ['mediator', 'community_liaison', 'street_admin', 'bureau_admin'],
  end: ['mediator', 'community_liaison', 'street_admin', 'bureau_admin'],
  schedule_check: ['mediator', 'community_liaison', 'street_admin', 'bureau_admin'],
  record_check: ['mediator', 'community_liaison', 'street_admin', 'bureau_admin'],
  set_followup: ['mediator', 'community_liaison', 'street_admin', 'bureau_admin'],
};

/**
 * Whether a follow-up (a referral or an enforcement case) may be named: after mediation ended
 * without agreement (Art 26: other routes), or after a check found the agreement not (fully)
 * performed; once only.
 */
function followupOpen(f: MediationFacts): boolean {
  if (f.hasFollowup) {
    return false;
  }
  if (f.status === 'ended_no_agreement') {
    return true;
  }
  return f.status === 'performance_checked' && f.checkResult !== 'performed';
}

/** The state a step leads to from `f`, or null when the step does not apply there. */
function target(f: MediationFacts, step: MediationStep): MediationStatus | null {
  const s = f.status;
  switch (step) {
    case 'add_session':
      return s === 'open' || s === 'in_session' ? 'in_session' : null;
    // An agreement is reached in a session, so at least one session is on record (Art 27).
    case 'record_written':
      return s === 'in_session' ? 'agreed_written' : null;
    case 'record_oral':
      return s === 'in_session' ? 'agreed_oral' : null;
    // A party may refuse mediation before any session (Art 23), so ending needs none.
    case 'end':
      return s === 'open' || s === 'in_session' ? 'ended_no_agreement' : null;
    case 'schedule_check':
      return agreedStatuses.includes(s) ? s : null;
    case 'record_check':
      return agreedStatuses.includes(s) ? 'performance_checked' : null;
    case 'set_followup':
      return followupOpen(f) ? s : null;
  }
}

/** Decides one step: allowed with its new state, or refused with the reason. */
export function decideMediationStep(
  f: MediationFacts,
  relation: MediationRelation,
  step: MediationStep,
): MediationDecision {
  if (!actors[step].includes(relation)) {
    return { ok: false, refusal: 'forbidden' };
  }
  const to = target(f, step);
  if (!to) {
    return { ok: false, refusal: 'not_in_this_state' };
  }
  // 《人民调解法》第二十九条: the agreement is signed by a 人民调解员 and sealed by the committee.
  if (step === 'record_written' && !f.hasCommitteeMediator) {
    return { ok: false, refusal: 'committee_mediator_required' };
  }
  return { ok: true, to };
}

/** Every step `relation` may take now, in the order the workbench shows them. */
export function allowedMediationSteps(
  f: MediationFacts,
  relation: MediationRelation,
): MediationStep[] {
  const steps: MediationStep[] = [
    'add_session',
    'record_written',
    'record_oral',
    'end',
    'schedule_check',
    'record_check',
    'set_followup',
  ];
  return steps.filter((step) => decideMediationStep(f, relation, step).ok);
}
