// The same cases run on SQLite and on PostgreSQL (LINLI_TEST_DB), so each expected list is what
// both engines must answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicMatterList } from '../../contract/matters.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { foldText, likePatternOf } from './search-text.js';

let t: TestApp;

const testMatter = {
  nameEn: 'Test matter',
  prohibitionBasis: '《测试条例》第一条',
  penaltyBasis: '《测试条例》第二条',
  penaltyRange: '处100元罚款',
  handlingBody: '区城管执法局',
  handledByChengguan: true,
  education: '',
  educationTopic: null,
  reason: '检索测试用事项',
};

async function search(q: string): Promise<string[]> {
  const res = await t.app.inject({ url: '/api/public/matters', query: { q } });
  expect(res.statusCode).toBe(200);
  return json<PublicMatterList>(res).items.map((m) => m.code);
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await loginAs(t.app, 'admin');
  for (const matter of [
    { ...testMatter, code: 'TST-PCT', name: '超出占比10%的测试事项' },
    { ...testMatter, code: 'TST-UND', name: '下划线测试事项', nameEn: 'Test_underscore matter' },
  ]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/matters',
      payload: matter,
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
  }
});

afterAll(async () => {
  await t.close();
});

describe('the public catalogue search', () => {
  it('finds Chinese substrings of the name', async () => {
    expect(await search('承重')).toEqual(['CZJG']);
    expect(await search('飞线')).toEqual(['FXCD']);
  });

  it('finds the legal bases and the education text', async () => {
    expect(await search('第八十三条')).toEqual(['CZJG']);
    expect(await search('消防法')).toEqual(['LDDW']);
    expect(await search('集中充电设施')).toEqual(['FXCD']);
  });

  it('matches English in any case', async () => {
    expect(await search('Load-BEARING')).toEqual(['CZJG']);
    expect(await search('E-BIKE')).toEqual(['FXCD', 'DCLD', 'DCSN', 'DCDT']);
    expect(await search('zlhl')).toEqual(['ZLHL-1', 'ZLHL-2', 'ZLHL-3', 'ZLHL-4']);
  });

  it('reads full-width letters and signs as their ASCII forms', async () => {
    expect(await search('ＦＸＣＤ')).toEqual(['FXCD']);
    expect(await search('１０％')).toEqual(['TST-PCT']);
  });

  it('takes % and _ as themselves, not as wildcards', async () => {
    expect(await search('%')).toEqual(['TST-PCT']);
    expect(await search('10%')).toEqual(['TST-PCT']);
    expect(await search('_')).toEqual(['TST-UND']);
    expect(await search('test_')).toEqual(['TST-UND']);
    expect(await search('\\')).toEqual([]);
  });

  it('answers an empty list when nothing matches, and everything for a blank query', async () => {
    expect(await search('不存在的事项')).toEqual([]);
    expect(await search('   ')).toHaveLength(19);
  });

  it('refuses a query longer than 100 characters, naming it', async () => {
    const res = await t.app.inject({ url: '/api/public/matters', query: { q: '字'.repeat(101) } });
    expect(res.statusCode).toBe(400);
    expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe('querystring.q');
  });
});

describe('the folding behind it', () => {
  it('folds full-width letters to lower-case ASCII', () => {
    expect(foldText('ＦＸＣＤ Load')).toBe('fxcd load');
  });

  it('escapes the LIKE wildcards and the escape character', () => {
    expect(likePatternOf(' 10%_\\ ')).toBe('%10\\%\\_\\\\%');
    expect(likePatternOf('  ')).toBeNull();
  });
});
