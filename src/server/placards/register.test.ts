import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Placard } from '../../contract/org.js';
import type { PlacardRegister, PlacardRegisterRow } from '../../contract/placards.js';
import { json } from '../../../test/app.js';
import { retireBuilding } from '../../../test/factories.js';
import {
  exampleOrgCsv,
  startPlacardScene,
  tokenOf,
  type PlacardScene,
} from '../../../test/placards.js';
import { readImportFile } from '../org/import-file.js';
import { importOrg } from '../org/service.js';

// 东湖新村 of the example file: 3 buildings, liaisons 陈明 (0999-66001001) and 李静.
const start = new Date('2026-12-03T02:00:00.000Z');
let s: PlacardScene;
let dongHu = '';
let dir = '';

beforeAll(async () => {
  s = await startPlacardScene(start);
  dongHu = await s.communityCode('东湖新村居委会');
  dir = mkdtempSync(path.join(os.tmpdir(), 'linli-register-'));
});

afterAll(async () => {
  await s.t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  username: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const cookie = await s.cookieOf(username);
  return s.t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function register(query = ''): Promise<PlacardRegister> {
  const res = await call(
    'GET',
    `/api/staff/placards/register?communityCode=${dongHu}${query}`,
    'dong.1',
  );
  expect(res.statusCode, res.body).toBe(200);
  return json<PlacardRegister>(res);
}

function rowOf(reg: PlacardRegister, building: string): PlacardRegisterRow {
  const row = reg.items.find((r) => r.building.name === building);
  if (!row) {
    throw new Error(`no row for ${building}`);
  }
  return row;
}

const reasons = (reg: PlacardRegister) =>
  Object.fromEntries(reg.items.map((r) => [r.building.name, r.reprintReasons]));

async function markPrinted(reg: PlacardRegister, username = 'dong.1') {
  const buildings = reg.items.map((r) => ({ id: r.building.id, version: r.version }));
  return call('POST', '/api/staff/placards/mark-printed', username, { buildings });
}

/** Imports the example file again with 陈明's work phone changed, as an operator would. */
async function importWithNewPhone(phone: string) {
  const file = path.join(dir, `phone-${phone}.csv`);
  writeFileSync(file, readFileSync(exampleOrgCsv, 'utf8').replaceAll('0999-66001001', phone));
  const report = await importOrg(s.t.handle.db, await readImportFile(file));
  expect(report.ok).toBe(true);
}

describe('the placard register of a community', () => {
  it('lists every building, none printed yet', async () => {
    const reg = await register();
    expect(reg.scope).toEqual({ kind: 'community', code: dongHu, name: '东湖新村居委会' });
    expect(reg.summary).toEqual({ buildings: 3, points: 0, needsReprint: 3 });
    expect(reasons(reg)).toEqual({
      东湖新村1号楼: ['never_printed'],
      东湖新村2号楼: ['never_printed'],
      东湖新村3号楼: ['never_printed'],
    });
  });

  it('records a printed batch with a point per building, printed by the liaison', async () => {
    const res = await markPrinted(await register());
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({ buildings: 3, points: 3, pointsCreated: 3 });
    const reg = await register();
    expect(reg.summary).toEqual({ buildings: 3, points: 3, needsReprint: 0 });
    const first = rowOf(reg, '东湖新村1号楼');
    expect(first.point?.pointNo).toBe(first.building.code);
    expect(first.point?.printedBy).toEqual({ name: '陈明', badgeNo: '990001-0001' });
    expect(first.point?.printedAt).toBe(start.toISOString());
  });

  it('marks every placard for reprint after import-org changes the liaison phone', async () => {
    const before = await register();
    await importWithNewPhone('0999-66001999');
    const reg = await register();
    expect(reasons(reg)).toEqual({
      东湖新村1号楼: ['content_changed'],
      东湖新村2号楼: ['content_changed'],
      东湖新村3号楼: ['content_changed'],
    });
    // A batch printed before the change is refused, not recorded as current.
    const stale = await markPrinted(before);
    expect(stale.statusCode).toBe(409);
    expect(json<{ details: { field: string }[] }>(stale).details[0]?.field).toBe(
      'buildings.0.version',
    );
    expect((await register()).summary.needsReprint).toBe(3);
    expect((await markPrinted(reg)).statusCode).toBe(200);
    expect((await register()).summary.needsReprint).toBe(0);
  });

  it('lists only what needs reprinting, or what was not checked for N days', async () => {
    const first = rowOf(await register(), '东湖新村1号楼');
    const checkedAt = new Date('2026-12-04T03:00:00.000Z');
    s.t.clock.now = checkedAt;
    s.forgetSessions();
    try {
      const checked = await call(
        'POST',
        `/api/staff/placards/points/${first.point?.id ?? ''}/checks`,
        'dong.2',
        { result: 'damaged', note: '右下角被撕' },
      );
      expect(checked.statusCode, checked.body).toBe(201);
      const row = json<PlacardRegisterRow>(checked);
      expect(row.reprintReasons).toEqual(['found_damaged']);
      expect(row.lastCheck).toEqual({
        at: checkedAt.toISOString(),
        result: 'damaged',
        note: '右下角被撕',
        by: { name: '李静', badgeNo: '990001-0002' },
      });

      const due = await register('&needsReprint=true');
      expect(due.items.map((r) => r.building.name)).toEqual(['东湖新村1号楼']);
      expect(due.total).toBe(1);
      expect((await register('&needsReprint=false')).total).toBe(2);

      // On 2027-01-03 (Shanghai) the check of 2026-12-04 is exactly 30 days old: due at 30 days,
      // not at 31; the two points never checked are due at both.
      s.t.clock.now = new Date('2027-01-03T02:00:00.000Z');
      s.forgetSessions();
      expect((await register('&notCheckedDays=30')).total).toBe(3);
      const unchecked = await register('&notCheckedDays=31');
      expect(unchecked.items.map((r) => r.building.name)).toEqual([
        '东湖新村2号楼',
        '东湖新村3号楼',
      ]);

      // The replacement is printed the next day and the mark goes away.
      s.t.clock.now = new Date('2026-12-05T03:00:00.000Z');
      s.forgetSessions();
      expect((await markPrinted(await register('&needsReprint=true'))).statusCode).toBe(200);
      expect((await register()).summary.needsReprint).toBe(0);
    } finally {
      s.t.clock.now = start;
      s.forgetSessions();
    }

    const history = await call(
      'GET',
      `/api/staff/placards/points/${first.point?.id ?? ''}/checks`,
      'dong.1',
    );
    expect(json<{ items: { result: string }[] }>(history).items.map((c) => c.result)).toEqual([
      'damaged',
    ]);
  });
});

describe('placard points', () => {
  it('registers a second point with its placement and refuses a number in use', async () => {
    const first = rowOf(await register(), '东湖新村2号楼');
    const payload = { buildingId: first.building.id, pointNo: 'DH2-B', placement: '2单元门厅' };
    const res = await call('POST', '/api/staff/placards/points', 'dong.1', payload);
    expect(res.statusCode, res.body).toBe(201);
    const row = json<PlacardRegisterRow>(res);
    expect(row.point).toMatchObject({ pointNo: 'DH2-B', placement: '2单元门厅', printedAt: null });
    expect(row.reprintReasons).toEqual(['never_printed']);

    const again = await call('POST', '/api/staff/placards/points', 'dong.1', payload);
    expect(again.statusCode).toBe(400);
    expect(json<{ details: { field: string }[] }>(again).details[0]?.field).toBe('pointNo');

    const moved = await call(
      'PATCH',
      `/api/staff/placards/points/${row.point?.id ?? ''}`,
      'dong.1',
      {
        placement: '2单元北侧入口',
      },
    );
    expect(json<PlacardRegisterRow>(moved).point?.placement).toBe('2单元北侧入口');
    expect((await register()).summary).toEqual({ buildings: 3, points: 4, needsReprint: 1 });
  });

  it('refuses a bad check result and an empty batch, changing nothing', async () => {
    const first = rowOf(await register(), '东湖新村3号楼');
    const bad = await call(
      'POST',
      `/api/staff/placards/points/${first.point?.id ?? ''}/checks`,
      'dong.1',
      {
        result: 'fine',
      },
    );
    expect(bad.statusCode).toBe(400);
    const empty = await call('POST', '/api/staff/placards/mark-printed', 'dong.1', {
      buildings: [],
    });
    expect(empty.statusCode).toBe(400);
    expect(rowOf(await register(), '东湖新村3号楼').lastCheck).toBeNull();
  });
});

describe('rotating a QR code', () => {
  it('is for admins only, and marks the building for reprint', async () => {
    const row = rowOf(await register(), '东湖新村1号楼');
    const url = `/api/staff/placards/buildings/${row.building.id}/rotate-token`;
    expect((await call('POST', url, 'dong.1')).statusCode).toBe(403);
    expect((await call('POST', url, 'yinhang.admin')).statusCode).toBe(404);

    const oldToken = await tokenOf(s.t, '东湖新村1号楼');
    const res = await call('POST', url, s.streetAdmin);
    expect(res.statusCode, res.body).toBe(200);
    const { token } = json<{ token: string }>(res);
    expect(token).not.toBe(oldToken);
    expect(await tokenOf(s.t, '东湖新村1号楼')).toBe(token);
    expect(rowOf(await register(), '东湖新村1号楼').reprintReasons).toEqual(['token_rotated']);
    expect(rowOf(await register(), '东湖新村3号楼').reprintReasons).toEqual([]);

    await importWithNewPhone('0999-66001777');
    const placard = json<Placard>(
      await s.t.app.inject({ url: `/api/public/placards/${oldToken}` }),
    );
    expect(placard.tokenReplaced).toBe(true);
    expect(placard.building.name).toBe('东湖新村1号楼');
    expect(placard.liaisons[0]).toEqual({
      name: '陈明',
      badgeNo: '990001-0001',
      workPhone: '0999-66001777',
    });
    const current = json<Placard>(await s.t.app.inject({ url: `/api/public/placards/${token}` }));
    expect(current.tokenReplaced).toBe(false);

    // A resident scanning the old code can still file a request about the building.
    const filed = await s.t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: oldToken,
        kind: 'consultation',
        description: '楼道灯坏了，能否帮忙联系物业？',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const ticket = await s.t.handle.db
      .selectFrom('tickets')
      .select('building_id')
      .where('tracking_code', '=', json<{ trackingCode: string }>(filed).trackingCode)
      .executeTakeFirstOrThrow();
    expect(ticket.building_id).toBe(row.building.id);

    const audits = await s.t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'record_id'])
      .where('action', '=', 'placard.token_rotated')
      .execute();
    expect(audits).toEqual([{ action: 'placard.token_rotated', record_id: row.building.id }]);
  });

  it('answers an old token of a retired building with 410, as the current one', async () => {
    const row = rowOf(await register(), '东湖新村3号楼');
    const oldToken = await tokenOf(s.t, '东湖新村3号楼');
    await call('POST', `/api/staff/placards/buildings/${row.building.id}/rotate-token`, 'admin');
    const building = await s.t.handle.db
      .selectFrom('buildings')
      .selectAll()
      .where('id', '=', row.building.id)
      .executeTakeFirstOrThrow();
    await retireBuilding(s.t.handle.db, building);
    const res = await s.t.app.inject({ url: `/api/public/placards/${oldToken}` });
    expect(res.statusCode).toBe(410);
    expect(json(res).error).toBe('placard_retired');
    const unknown = await s.t.app.inject({ url: '/api/public/placards/0000000000000000' });
    expect(unknown.statusCode).toBe(404);
  });
});
