import { describe, expect, it } from 'vitest';
import { presentLimits, type StoredLimits } from './limits.js';

const limits: StoredLimits = {
  hearing_request: {
    days: 5,
    unit: 'working',
    sense: 'by',
    lastDay: '2026-12-11',
    dueAt: '2026-12-11T15:59:59.999Z',
    fallback: false,
  },
};

const stateOn = (today: string, hearingWaived: boolean) =>
  presentLimits(limits, { hearing_request: null } as never, today, {
    hearingWaived,
    correction: null,
  })[0]?.state;

describe('the hearing request window', () => {
  it('runs until its last day, then lapses when the party asked for nothing', () => {
    expect(stateOn('2026-12-11', false)).toBe('running');
    expect(stateOn('2026-12-12', false)).toBe('lapsed');
  });

  it('shows as waived, not lapsed, from the day the party waived the hearing', () => {
    expect(stateOn('2026-12-04', true)).toBe('waived');
    expect(stateOn('2026-12-20', true)).toBe('waived');
  });
});
