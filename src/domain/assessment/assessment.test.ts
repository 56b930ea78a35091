import { describe, expect, it } from 'vitest';
import { defaultScheme, schemeForMonth } from './defaults.js';
import { assessedWeeks, parsePeriod } from './period.js';
import { rankStreets, round2, weightedMean } from './scoring.js';
import type { StreetScore } from '../../contract/assessment.js';

describe('assessment periods in Asia/Shanghai', () => {
  it('turns a quarter into the instants from its first to after its last Shanghai day', () => {
    const q = parsePeriod('2026-Q3');
    expect(q?.from.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(q?.to.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(q?.months).toBe(3);
  });

  it('ends December and the year at the next new year', () => {
    expect(parsePeriod('2026-12')?.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(parsePeriod('2026')?.from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(parsePeriod('2026')?.months).toBe(12);
  });

  it('refuses what is not a period', () => {
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('2026-Q5')).toBeNull();
    expect(parsePeriod('26-01')).toBeNull();
  });

  it('assesses the weeks whose Monday is in the period and which have ended', () => {
    const q = parsePeriod('2026-Q3');
    if (!q) {
      throw new Error('no period');
    }
    // 2026-07-01 is a Wednesday: week 27 began on 2026-06-29, in Q2, so Q3 starts with week 28.
    const weeks = assessedWeeks(q, '2026-10-15');
    expect(weeks[0]).toBe('2026-W28');
    expect(weeks.at(-1)).toBe('2026-W40');
    expect(weeks).toHaveLength(13);
    expect(assessedWeeks(q, '2026-07-19')).toEqual(['2026-W28']);
  });
});

describe('assessment scoring', () => {
  it('leaves an item without data out of a weighted mean', () => {
    expect(
      weightedMean([
        { weight: 40, score: 50 },
        { weight: 60, score: null },
      ]),
    ).toBe(50);
    expect(weightedMean([{ weight: 40, score: null }])).toBeNull();
  });

  it('rounds half away from zero to two decimals', () => {
    expect(round2(83.335)).toBe(83.34);
    expect(round2((2 / 3) * 100)).toBe(66.67);
  });

  it('ranks equal totals alike and skips the next rank', () => {
    const s = (name: string, total: number | null) =>
      ({ streetId: name, streetName: name, rank: null, total, dimensions: [] }) as StreetScore;
    const ranked = rankStreets([s('甲', 80), s('乙', 90), s('丙', 80), s('丁', null), s('戊', 70)]);
    expect(ranked.map((r) => [r.streetName, r.rank])).toEqual([
      ['乙', 1],
      ['丙', 2],
      ['甲', 2],
      ['戊', 4],
      ['丁', null],
    ]);
  });

  it('applies the version whose first month is the latest not after the period', () => {
    const v = (version: number, effectiveFrom: string) => ({ version, effectiveFrom });
    const versions = [v(1, '2020-01'), v(2, '2026-10'), v(3, '2026-07'), v(4, '2026-07')];
    expect(schemeForMonth(versions, '2026-07')?.version).toBe(4);
    expect(schemeForMonth(versions, '2026-09')?.version).toBe(4);
    expect(schemeForMonth(versions, '2026-10')?.version).toBe(2);
    expect(schemeForMonth(versions, '2026-06')?.version).toBe(1);
  });

  it('seeds weights adding up to 100', () => {
    expect(Object.values(defaultScheme.dimensions).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
