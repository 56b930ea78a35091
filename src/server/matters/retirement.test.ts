import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import type { MatterHistory, PublicMatterList } from '../../contract/matters.js';
import type { Placard } from '../../contract/org.js';
import type { Receipt, ResidentTicket } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
let admin: string;
let oldTicket: Receipt;
let placardMatters: string[];

function send(url: string, payload: Record<string, unknown>, cookie?: string) {
  return t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
}

function fileTicket(matterCode: string) {
  return send('/api/public/tickets', {
    placardToken: t.demo.samplePlacard.token,
    kind: 'complaint',
    matterCode,
    description: '楼道里有人飞线给电瓶车充电，很危险',
  });
}

async function publicCodes(): Promise<string[]> {
  const res = await t.app.inject({ url: '/api/public/matters' });
  return json<PublicMatterList>(res).items.map((m) => m.code);
}

async function placardCodes(): Promise<string[]> {
  const res = await t.app.inject({ url: `/api/public/placards/${t.demo.samplePlacard.token}` });
  return json<Placard>(res).matters.map((m) => m.code);
}

async function revisionOf(code: string): Promise<number> {
  const res = await t.app.inject({ url: `/api/staff/matters/${code}`, headers: { cookie: admin } });
  return json<MatterHistory>(res).matter.revision;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t.app, 'admin');
  const filed = await fileTicket('FXCD');
  expect(filed.statusCode).toBe(201);
  oldTicket = json<Receipt>(filed);
  placardMatters = await placardCodes();
});

afterAll(async () => {
  await t.close();
});

describe('retiring a matter', () => {
  it('takes a reason and makes a revision', async () => {
    const missing = await send('/api/staff/matters/FXCD/retire', { baseRevision: 1 }, admin);
    expect(missing.statusCode).toBe(400);
    expect(json<ErrorBody>(missing).details?.[0]?.field).toBe('reason');

    const res = await send(
      '/api/staff/matters/FXCD/retire',
      { baseRevision: 1, reason: '并入新的电动自行车充电事项' },
      admin,
    );
    expect(res.statusCode).toBe(200);
    const after = json<MatterHistory>(res);
    expect(after.matter).toMatchObject({ active: false, revision: 2 });
    expect(after.revisions[0]?.changes).toEqual([{ field: 'active', before: true, after: false }]);
  });

  it('hides it from the public list, its page and the building page', async () => {
    expect(await publicCodes()).not.toContain('FXCD');
    expect(await publicCodes()).toHaveLength(16);
    const page = await t.app.inject({ url: '/api/public/matters/FXCD' });
    expect(page.statusCode).toBe(404);
    expect(placardMatters).toContain('FXCD');
    expect(await placardCodes()).toEqual(placardMatters.filter((code) => code !== 'FXCD'));
  });

  it('refuses new tickets on it, naming the field', async () => {
    const res = await fileTicket('FXCD');
    expect(res.statusCode).toBe(422);
    expect(json<ErrorBody>(res)).toMatchObject({ error: 'matter_not_found' });
    expect(json<ErrorBody>(res).details?.[0]?.field).toBe('matterCode');
  });

  it('refuses a new case on it, naming the field', async () => {
    const liaison = t.demo.accounts.find((a) => a.role === 'liaison');
    const cookie = await loginAs(t.app, liaison?.username ?? '');
    const res = await send(
      '/api/staff/cases',
      {
        body: 'street',
        matterCode: 'FXCD',
        place: '殷行路100弄3号楼',
        facts: '当事人在楼道内私拉电线为电动自行车充电。',
        party: {
          kind: 'person',
          name: '张三丰',
          idNumber: '11010519491231002X',
          address: '殷行路100弄3号101室',
        },
      },
      cookie,
    );
    expect(res.statusCode).toBe(422);
    expect(json<ErrorBody>(res)).toMatchObject({ error: 'matter_not_found' });
    expect(json<ErrorBody>(res).details?.[0]?.field).toBe('matterCode');
  });

  it('keeps its name on the tickets filed before', async () => {
    const res = await t.app.inject({ url: `/api/public/tickets/${oldTicket.accessToken}` });
    expect(json<ResidentTicket>(res).matter).toEqual({
      code: 'FXCD',
      name: '飞线充电（私拉电线、插座为电动自行车或电池充电）',
      nameEn: 'Charging an e-bike or battery over a dangling private cable',
    });
  });

  it('keeps it in the workbench list, marked retired', async () => {
    const res = await t.app.inject({
      url: '/api/staff/matters?q=FXCD',
      headers: { cookie: admin },
    });
    expect(json<PublicMatterList & { items: { active: boolean }[] }>(res).items).toMatchObject([
      { code: 'FXCD', active: false },
    ]);
  });

  it('refuses to retire it twice', async () => {
    const res = await send(
      '/api/staff/matters/FXCD/retire',
      { baseRevision: await revisionOf('FXCD'), reason: '再次停用' },
      admin,
    );
    expect(res.statusCode).toBe(409);
  });
});

describe('restoring a matter', () => {
  it('brings it back to the public and to new tickets, as a new revision', async () => {
    const res = await send(
      '/api/staff/matters/FXCD/restore',
      { baseRevision: 2, reason: '清单调整撤回' },
      admin,
    );
    expect(res.statusCode).toBe(200);
    expect(json<MatterHistory>(res).matter).toMatchObject({ active: true, revision: 3 });
    expect(await publicCodes()).toContain('FXCD');
    expect((await fileTicket('FXCD')).statusCode).toBe(201);
    const actions = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_type', '=', 'matter')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['matter.retire', 'matter.restore']);
  });
});
