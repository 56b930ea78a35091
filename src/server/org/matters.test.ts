import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matterSchema } from '../../contract/org.js';
import { openTestDatabase } from '../../../test/factories.js';
import type { DatabaseHandle } from '../db/database.js';
import { listMatters, seedMatters } from './service.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe('the matter catalogue', () => {
  it('holds every 城管 matter of the seed catalogue in order, no 消防 or 公安 ones', async () => {
    expect(await seedMatters(handle.db)).toBe(17);
    const matters = await listMatters(handle.db);
    expect(matters.map((m) => m.code)).toEqual([
      ...['WFDJ', 'CZJG', 'WYBG', 'ZLHL-1', 'ZLHL-2', 'ZLHL-3', 'ZLHL-4', 'QZ', 'YJSG'],
      ...['ZXZS', 'FXCD', 'DCLD', 'DCSN', 'DCDT', 'LDDW', 'PHWM', 'GBXZ'],
    ]);
    for (const matter of matters) {
      expect(matterSchema.parse(matter)).toEqual(matter);
    }
  });

  it('quotes the law and article of each prohibition and penalty', async () => {
    const byCode = new Map((await listMatters(handle.db)).map((m) => [m.code, m]));
    expect(byCode.get('CZJG')).toMatchObject({
      name: '损坏房屋承重结构',
      prohibitionBasis: '《上海市住宅物业管理规定》第五十六条第二款第（一）项',
      penaltyBasis: '《上海市住宅物业管理规定》第八十三条',
    });
    expect(byCode.get('CZJG')?.penaltyRange).toContain('10万元以上20万元以下');
    expect(byCode.get('FXCD')?.penaltyRange).toBe('责令改正，处50元以上200元以下罚款');
    expect(byCode.get('YJSG')?.prohibitionBasis).toContain('22时至次日6时');
    for (const m of byCode.values()) {
      expect(m.penaltyBasis).toMatch(/《.+》第.+条/);
    }
  });

  it('marks the unverified parts as 待核实', async () => {
    const byCode = new Map((await listMatters(handle.db)).map((m) => [m.code, m]));
    expect(byCode.get('QZ')?.penaltyRange).toContain('（待核实）');
    for (const code of ['WYBG', 'ZXZS', 'GBXZ']) {
      expect(byCode.get(code)?.penaltyBasis).toContain('待核实');
    }
  });

  it('can be seeded again without duplicates', async () => {
    await seedMatters(handle.db);
    await seedMatters(handle.db);
    expect(await listMatters(handle.db)).toHaveLength(17);
  });
});
