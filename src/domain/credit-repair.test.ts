import { describe, expect, it } from 'vitest';
import {
  allowedCreditSteps,
  missingMaterials,
  requiredMaterials,
} from './credit-repair-machine.js';
import {
  addMonths,
  defaultCreditClass,
  defaultCreditRules as rules,
  obligationMetOn,
  publicationDates,
  repairStanding,
} from './credit-repair.js';

describe('month arithmetic (《民法典》第二百零二条)', () => {
  it('ends on the corresponding day of the last month', () => {
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('ends on the month’s last day when it has no corresponding day', () => {
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('crosses years', () => {
    expect(addMonths('2026-10-08', 36)).toBe('2029-10-08');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });
});

describe('the class of a decision', () => {
  it('takes a fine of simple-procedure size (person ≤ 200 元) as 轻微', () => {
    const d = { kind: 'penalty' as const, fineFen: 20_000, partyKind: 'person' as const };
    expect(defaultCreditClass(d, rules)).toBe('minor');
    expect(defaultCreditClass({ ...d, fineFen: 20_001 }, rules)).toBe('general');
  });

  it('takes an organisation’s fine up to 3,000 元 as 轻微 and above as 一般', () => {
    const d = { kind: 'penalty' as const, fineFen: 300_000, partyKind: 'organisation' as const };
    expect(defaultCreditClass(d, rules)).toBe('minor');
    expect(defaultCreditClass({ ...d, fineFen: 5_000_000 }, rules)).toBe('general');
  });

  it('finds nothing to publish in a no-penalty decision', () => {
    const d = { kind: 'no_penalty' as const, fineFen: null, partyKind: 'person' as const };
    expect(defaultCreditClass(d, rules)).toBeNull();
  });
});

describe('publication periods from the date of the decision', () => {
  it('一般: 3 months at least, so an application from the day after 30 April 2026', () => {
    expect(publicationDates('general', '2026-01-31', rules)).toEqual({
      minLastDay: '2026-04-30',
      maxLastDay: '2027-01-31',
      periodEarliestOn: '2026-05-01',
    });
  });

  it('严重: 1 year at least, 3 years at most', () => {
    expect(publicationDates('serious', '2026-04-01', rules)).toEqual({
      minLastDay: '2027-04-01',
      maxLastDay: '2029-04-01',
      periodEarliestOn: '2027-04-02',
    });
  });

  it('轻微: no minimum, published at most 3 months', () => {
    expect(publicationDates('minor', '2026-05-31', rules)).toEqual({
      minLastDay: null,
      maxLastDay: '2026-08-31',
      periodEarliestOn: '2026-05-31',
    });
  });

  it('follows the settings', () => {
    const longer = {
      ...rules,
      periods: { ...rules.periods, general: { minMonths: 6, maxMonths: 24 } },
    };
    expect(publicationDates('general', '2026-03-10', longer).periodEarliestOn).toBe('2026-09-11');
  });
});

describe('the standing of a decision on a day', () => {
  const base = { cls: 'general' as const, decidedOn: '2026-03-12', obligationMetOn: '2026-03-20' };

  it('is too early before the minimum period has passed, naming the day', () => {
    const s = repairStanding({ ...base, today: '2026-06-12' }, rules);
    expect(s.earliestOn).toBe('2026-06-13');
    expect(s.blockers).toEqual(['too_early']);
  });

  it('may be applied for from the day after the minimum period', () => {
    expect(repairStanding({ ...base, today: '2026-06-13' }, rules).blockers).toEqual([]);
  });

  it('waits for the fine to be paid, and for 轻微 only for that', () => {
    const unpaid = repairStanding({ ...base, obligationMetOn: null, today: '2026-07-01' }, rules);
    expect(unpaid.blockers).toEqual(['obligation_unmet']);
    const minor = { cls: 'minor' as const, decidedOn: '2026-03-12', today: '2026-03-20' };
    expect(repairStanding({ ...minor, obligationMetOn: '2026-03-19' }, rules)).toMatchObject({
      earliestOn: '2026-03-19',
      blockers: [],
    });
  });

  it('takes the later of the period and the payment as the earliest day', () => {
    const late = repairStanding(
      { ...base, obligationMetOn: '2026-08-01', today: '2026-08-01' },
      rules,
    );
    expect(late.earliestOn).toBe('2026-08-01');
  });

  it('has nothing to repair once the maximum period has passed', () => {
    const s = repairStanding({ ...base, today: '2027-03-13' }, rules);
    expect(s.maxLastDay).toBe('2027-03-12');
    expect(s.blockers).toEqual(['publication_ended']);
  });

  it('counts the obligation met by payment or by the closing of a court-enforced case', () => {
    expect(obligationMetOn({ paidOn: '2026-03-20', closedOn: '2026-03-21' })).toBe('2026-03-20');
    expect(obligationMetOn({ paidOn: null, closedOn: '2026-05-02' })).toBe('2026-05-02');
    expect(obligationMetOn({ paidOn: null, closedOn: null })).toBeNull();
  });
});

describe('materials and steps', () => {
  it('asks a person for the form, the commitment, an ID and the proof of payment', () => {
    expect(requiredMaterials('person', false)).toEqual([
      'application_form',
      'commitment_letter',
      'identity',
      'performance_proof',
    ]);
  });

  it('asks a company for licence and legal representative, an agent for authorization', () => {
    expect(requiredMaterials('organisation', true)).toEqual([
      'application_form',
      'commitment_letter',
      'business_licence',
      'legal_representative',
      'performance_proof',
      'authorization',
    ]);
    expect(missingMaterials(requiredMaterials('person', false), ['identity'])).toEqual([
      'application_form',
      'commitment_letter',
      'performance_proof',
    ]);
  });

  it('opens the decision steps to deciders only', () => {
    expect(allowedCreditSteps('submitted', true)).toEqual([
      'request_correction',
      'accept',
      'refuse',
    ]);
    expect(allowedCreditSteps('correction_requested', true)).toEqual(['refuse']);
    expect(allowedCreditSteps('accepted', true)).toEqual(['complete']);
    expect(allowedCreditSteps('submitted', false)).toEqual([]);
  });
});
