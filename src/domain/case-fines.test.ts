import { describe, expect, it } from 'vitest';
import { defaultCaseRules } from './case-deadlines.js';
import { checkFine, formatYuan, legalReviewRequired, type FineRange } from './case-fines.js';
import { isValidCreditCode, isValidResidentId, normalizeIdentityNumber } from './party-identity.js';
import { maskIdNumber, maskOrganisationName } from './personal-data.js';

// 楼道堆物 (《上海市住宅物业管理规定》第八十五条): 1千–1万元; 情节严重 1万–10万元.
const lddw: FineRange[] = (['person', 'organisation'] as const).flatMap((partyKind) => [
  { partyKind, circumstance: 'ordinary' as const, minFen: 100_000, maxFen: 1_000_000 },
  { partyKind, circumstance: 'serious' as const, minFen: 1_000_000, maxFen: 10_000_000 },
]);
// 装修噪声 (噪声法第八十二条): persons 200–1000元, organisations 2000–2万元; no serious range.
const zxzs: FineRange[] = [
  { partyKind: 'person', circumstance: 'ordinary', minFen: 20_000, maxFen: 100_000 },
  { partyKind: 'organisation', circumstance: 'ordinary', minFen: 200_000, maxFen: 2_000_000 },
];

describe('a fine checked against its matter', () => {
  it('takes 1,000 元 and 10,000 元 for corridor storage, the ends of the range', () => {
    expect(checkFine(lddw, 'person', false, 100_000).ok).toBe(true);
    expect(checkFine(lddw, 'person', false, 1_000_000).ok).toBe(true);
  });

  it('refuses 999 元 as below and 10,000.01 元 as above the ordinary range', () => {
    expect(checkFine(lddw, 'person', false, 99_900)).toMatchObject({ reason: 'below_min' });
    expect(checkFine(lddw, 'person', false, 1_000_001)).toMatchObject({ reason: 'above_max' });
  });

  it('takes 50,000 元 only when the case is serious', () => {
    expect(checkFine(lddw, 'organisation', true, 5_000_000).ok).toBe(true);
    expect(checkFine(lddw, 'organisation', false, 5_000_000).ok).toBe(false);
  });

  it('uses the organisation range for a company making renovation noise', () => {
    expect(checkFine(zxzs, 'organisation', false, 150_000)).toMatchObject({ reason: 'below_min' });
    expect(checkFine(zxzs, 'person', false, 150_000)).toMatchObject({ reason: 'above_max' });
  });

  it('refuses a serious circumstance the matter has no range for', () => {
    expect(checkFine(zxzs, 'person', true, 50_000)).toEqual({
      ok: false,
      reason: 'no_serious_range',
      range: null,
    });
  });

  it('takes any amount when the matter has no structured range', () => {
    expect(checkFine([], 'person', false, 1)).toEqual({ ok: true, range: null });
  });
});

describe('法制审核 thresholds (one street rule, configurable)', () => {
  const rule = defaultCaseRules.legalReview;

  it('reviews a fine of 5,000 元 on a person but not 4,999.99 元', () => {
    expect(legalReviewRequired(rule, 'person', 500_000, false)).toBe(true);
    expect(legalReviewRequired(rule, 'person', 499_999, false)).toBe(false);
  });

  it('reviews an organisation from 50,000 元', () => {
    expect(legalReviewRequired(rule, 'organisation', 4_999_999, false)).toBe(false);
    expect(legalReviewRequired(rule, 'organisation', 5_000_000, false)).toBe(true);
  });

  it('reviews every case in which a hearing was held, unless the rule is switched off', () => {
    expect(legalReviewRequired(rule, 'person', 20_000, true)).toBe(true);
    expect(legalReviewRequired({ ...rule, afterHearing: false }, 'person', 20_000, true)).toBe(
      false,
    );
  });
});

describe('amounts and identity numbers', () => {
  it('writes fen as yuan', () => {
    expect(formatYuan(50_000)).toBe('500');
    expect(formatYuan(50_050)).toBe('500.50');
    expect(formatYuan(5)).toBe('0.05');
  });

  it('checks the check character of a resident id and a credit code', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('normalises full-width and lower-case input before checking', () => {
    expect(normalizeIdentityNumber('１１０１０５ 19491231002x')).toBe('11010519491231002X');
  });

  it('masks numbers and organisation names', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskOrganisationName('上海某某物业管理有限公司')).toBe('上海****公司');
  });
});
