import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../contract/cases.js';
import { allowedCaseSteps, decideCaseStep, decisionBlock, type CaseFacts } from './case-machine.js';

function facts(status: CaseStatus, more: Partial<CaseFacts> = {}): CaseFacts {
  return {
    status,
    decisionKind: null,
    hearingRight: false,
    hearingRequested: false,
    hearingScheduled: false,
    hearingHeld: false,
    hearingWaived: false,
    legalReviewApproved: false,
    paid: false,
    courtApplied: false,
    followedUp: false,
    ...more,
  };
}

describe('the steps an officer sees', () => {
  it('offers investigation or cancellation right after registration', () => {
    expect(allowedCaseSteps(facts('registered'), 'officer')).toEqual(['investigate', 'cancel']);
  });

  it('offers the 告知 and a no-penalty decision during the investigation, review to admins', () => {
    expect(allowedCaseSteps(facts('investigating'), 'officer')).toEqual([
      'notify',
      'decide',
      'cancel',
    ]);
    expect(allowedCaseSteps(facts('investigating'), 'street_admin')).toEqual([
      'notify',
      'legal_review',
      'decide',
      'cancel',
    ]);
  });

  it('offers a hearing request only when the 告知 named the right', () => {
    expect(allowedCaseSteps(facts('notified'), 'officer')).not.toContain('request_hearing');
    expect(allowedCaseSteps(facts('notified', { hearingRight: true }), 'officer')).toContain(
      'request_hearing',
    );
    const waived = facts('notified', { hearingRight: true, hearingWaived: true });
    expect(allowedCaseSteps(waived, 'officer')).not.toContain('request_hearing');
  });

  it('holds the decision while a requested hearing has not been held', () => {
    const requested = facts('notified', { hearingRight: true, hearingRequested: true });
    expect(allowedCaseSteps(requested, 'officer')).toEqual([
      'record_statement',
      'schedule_hearing',
      'cancel',
    ]);
    const held = { ...requested, hearingScheduled: true, hearingHeld: true };
    expect(allowedCaseSteps(held, 'officer')).toEqual(['record_statement', 'decide', 'cancel']);
  });

  it('lets a penalty be paid or taken to court, and a no-penalty case be checked', () => {
    const fined = facts('delivered', { decisionKind: 'penalty' });
    expect(allowedCaseSteps(fined, 'officer')).toEqual(['record_payment', 'apply_court']);
    const spared = facts('delivered', { decisionKind: 'no_penalty' });
    expect(allowedCaseSteps(spared, 'officer')).toEqual(['follow_up']);
  });

  it('closes only when the fine is paid, taken to court, or the correction checked', () => {
    expect(allowedCaseSteps(facts('executing', { decisionKind: 'penalty' }), 'officer')).toEqual([
      'record_payment',
    ]);
    const paid = facts('executing', { decisionKind: 'penalty', paid: true });
    expect(allowedCaseSteps(paid, 'officer')).toEqual(['close']);
    const court = facts('executing', { decisionKind: 'penalty', courtApplied: true });
    expect(allowedCaseSteps(court, 'officer')).toEqual(['record_payment', 'close']);
    const checked = facts('executing', { decisionKind: 'no_penalty', followedUp: true });
    expect(allowedCaseSteps(checked, 'officer')).toEqual(['close']);
  });

  it('offers nothing on a closed or cancelled case', () => {
    expect(allowedCaseSteps(facts('closed', { decisionKind: 'penalty' }), 'bureau_admin')).toEqual(
      [],
    );
    expect(allowedCaseSteps(facts('cancelled'), 'bureau_admin')).toEqual([]);
  });
});

describe('refusals', () => {
  it('forbids an officer the legal review and an unrelated account everything', () => {
    expect(decideCaseStep(facts('notified'), 'officer', 'legal_review')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(decideCaseStep(facts('registered'), 'unrelated', 'investigate')).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
  });

  it('refuses delivery before a decision', () => {
    expect(decideCaseStep(facts('notified'), 'officer', 'deliver')).toEqual({
      ok: false,
      refusal: 'transition_refused',
    });
  });

  it('moves to the next stage when a step is allowed', () => {
    expect(decideCaseStep(facts('decided'), 'officer', 'deliver')).toEqual({
      ok: true,
      to: 'delivered',
    });
  });
});

describe('what a decision waits for', () => {
  const open = { hearingWindowOpen: true, legalReviewRequired: false };
  const closed = { hearingWindowOpen: false, legalReviewRequired: false };

  it('needs the 告知 before a penalty, not before a no-penalty decision', () => {
    expect(decisionBlock(facts('investigating'), 'penalty', closed)).toBe('notice_first');
    expect(decisionBlock(facts('investigating'), 'no_penalty', closed)).toBeNull();
  });

  it('waits for the hearing window unless the party waived it', () => {
    const notified = facts('notified', { hearingRight: true });
    expect(decisionBlock(notified, 'penalty', open)).toBe('hearing_window_open');
    expect(decisionBlock(notified, 'penalty', closed)).toBeNull();
    expect(decisionBlock({ ...notified, hearingWaived: true }, 'penalty', open)).toBeNull();
  });

  it('needs an approving legal review when the thresholds are reached', () => {
    const review = { hearingWindowOpen: false, legalReviewRequired: true };
    expect(decisionBlock(facts('notified'), 'penalty', review)).toBe('legal_review_missing');
    const approved = facts('notified', { legalReviewApproved: true });
    expect(decisionBlock(approved, 'penalty', review)).toBeNull();
  });
});
