import { describe, expect, it } from 'vitest';
import {
  canonicalContent,
  districtShortName,
  placardTitle,
  reprintReasonsOf,
  uncheckedFor,
  type PlacardContent,
  type PrintedState,
} from './placard-rules.js';

const content: PlacardContent = {
  district: '杨浦',
  street: '殷行街道',
  community: '殷行一村居委会',
  building: { code: 'B1', name: '1号楼', address: '殷行一村12号' },
  room: {
    name: '工作室',
    kind: 'workroom',
    address: '殷行一村21号',
    hours: '周一至周五 9:00-17:00',
  },
  liaisons: [{ name: '王伟', badgeNo: '310110-0101', workPhone: '021-65430101' }],
  matters: ['违法搭建', '群租'],
  demo: false,
};

const printed: PrintedState = {
  printedAt: '2026-11-02T02:00:00.000Z',
  contentHash: 'h1',
  token: 't1',
  lastCheckedAt: null,
  lastCheckResult: null,
};

describe('the placard title', () => {
  it('uses the district name without its suffix, as 附件2 titles it', () => {
    expect(placardTitle(districtShortName('杨浦区'))).toBe('杨浦“城管进社区”工作联络牌');
    expect(districtShortName('浦东新区')).toBe('浦东');
    expect(districtShortName('崇明区')).toBe('崇明');
    expect(districtShortName('城区')).toBe('城区');
    expect(districtShortName('测试区12AB')).toBe('测试区12AB');
  });
});

describe('the canonical content', () => {
  it('changes when a printed field changes and only then', () => {
    const same = canonicalContent({ ...content, liaisons: [...content.liaisons] });
    expect(same).toBe(canonicalContent(content));
    const phone = { ...content, liaisons: [{ ...content.liaisons[0], workPhone: '021-1' }] };
    expect(canonicalContent(phone as PlacardContent)).not.toBe(same);
    expect(canonicalContent({ ...content, matters: ['群租', '违法搭建'] })).not.toBe(same);
    expect(canonicalContent({ ...content, demo: true })).not.toBe(same);
  });
});

describe('reprint reasons', () => {
  const current = { contentHash: 'h1', token: 't1' };

  it('asks for a first print when nothing was printed', () => {
    expect(reprintReasonsOf(null, current)).toEqual(['never_printed']);
    expect(reprintReasonsOf({ ...printed, printedAt: null }, current)).toEqual(['never_printed']);
  });

  it('is empty for a current placard, and names a changed content or token', () => {
    expect(reprintReasonsOf(printed, current)).toEqual([]);
    expect(reprintReasonsOf(printed, { contentHash: 'h2', token: 't1' })).toEqual([
      'content_changed',
    ]);
    expect(reprintReasonsOf(printed, { contentHash: 'h2', token: 't2' })).toEqual([
      'content_changed',
      'token_rotated',
    ]);
  });

  it('counts a bad check only when it came after the last print', () => {
    const damaged = { ...printed, lastCheckedAt: '2026-11-05T02:00:00.000Z' };
    expect(reprintReasonsOf({ ...damaged, lastCheckResult: 'damaged' }, current)).toEqual([
      'found_damaged',
    ]);
    expect(reprintReasonsOf({ ...damaged, lastCheckResult: 'ok' }, current)).toEqual([]);
    const before = { ...printed, lastCheckedAt: '2026-11-01T02:00:00.000Z' };
    expect(reprintReasonsOf({ ...before, lastCheckResult: 'missing' }, current)).toEqual([]);
  });
});

describe('not checked for N days', () => {
  // 2026-12-03 10:00 in Shanghai.
  const now = new Date('2026-12-03T02:00:00.000Z');

  it('counts Shanghai calendar days', () => {
    expect(uncheckedFor(null, 30, now)).toBe(true);
    // 2026-11-03 23:30 Shanghai is 30 days before 2026-12-03.
    expect(uncheckedFor('2026-11-03T15:30:00.000Z', 30, now)).toBe(true);
    // 2026-11-04 00:30 Shanghai is only 29 days before.
    expect(uncheckedFor('2026-11-03T16:30:00.000Z', 30, now)).toBe(false);
  });
});
