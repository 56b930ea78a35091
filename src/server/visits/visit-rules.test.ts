import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldPlaces, Visit } from '../../contract/visits.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
let communityId: string;

/** Shanghai wall-clock time as an instant. */
function local(text: string): Date {
  return new Date(`${text}+08:00`);
}

function get(url: string, cookie: string) {
  return t.app.inject({ url, headers: { cookie } });
}

function send(
  method: 'POST' | 'PATCH',
  url: string,
  cookie: string,
  payload: unknown,
  key?: string,
) {
  return t.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
  });
}

function body(date: string, extra: Record<string, unknown> = {}) {
  return { date, communityId, partners: ['residents'], ...extra };
}

async function staffId(username: string): Promise<string> {
  const row = await t.handle.db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await startTestApp(local('2026-01-04T23:30:00'));
  const cookie = await loginAs(t.app, 'yinhang.1');
  communityId =
    json<FieldPlaces>(await get('/api/staff/field-places', cookie)).communities[0]?.id ?? '';
});

afterAll(async () => {
  await t.close();
});

describe('the date of a visit, in Shanghai time', () => {
  it('takes Sunday 4 January 2026 23:30 as today, in 2026-W01, and refuses the 5th', async () => {
    t.clock.now = local('2026-01-04T23:30:00');
    const cookie = await loginAs(t.app, 'yinhang.1');
    const today = await send('POST', '/api/staff/visits', cookie, body('2026-01-04'));
    expect(today.statusCode).toBe(201);
    expect(json<Visit>(today).week).toBe('2026-W01');
    const tomorrow = await send('POST', '/api/staff/visits', cookie, body('2026-01-05'));
    expect(tomorrow.statusCode).toBe(400);
    expect(json(tomorrow).details).toEqual([
      { field: 'date', message: '日期不能晚于今天', messageEn: 'must not be later than today' },
    ]);
  });

  it('takes Monday 00:30 as 5 January, in 2026-W02, though UTC still says the 4th', async () => {
    t.clock.now = local('2026-01-05T00:30:00');
    const cookie = await loginAs(t.app, 'yinhang.1');
    const res = await send('POST', '/api/staff/visits', cookie, body('2026-01-05'));
    expect(res.statusCode).toBe(201);
    expect(json<Visit>(res).week).toBe('2026-W02');
  });

  it('accepts a visit up to 7 days back and refuses the 8th day', async () => {
    const cookie = await loginAs(t.app, 'yinhang.1');
    expect((await send('POST', '/api/staff/visits', cookie, body('2025-12-29'))).statusCode).toBe(
      201,
    );
    const old = await send('POST', '/api/staff/visits', cookie, body('2025-12-28'));
    expect(json(old).details).toEqual([expect.objectContaining({ field: 'date' })]);
  });

  it('puts 28 December 2026 in 2026-W53', async () => {
    t.clock.now = local('2027-01-02T09:00:00');
    const cookie = await loginAs(t.app, 'yinhang.1');
    const res = await send('POST', '/api/staff/visits', cookie, body('2026-12-28'));
    expect(json<Visit>(res).week).toBe('2026-W53');
  });
});

describe('who may log and read visits', () => {
  it('answers departments and auditors 403 on every visit route', async () => {
    t.clock.now = local('2026-01-05T10:00:00');
    for (const username of ['fangguan.dept', 'auditor']) {
      const cookie = await loginAs(t.app, username);
      const answers = [
        await get('/api/staff/visits', cookie),
        await get('/api/staff/visits/anything', cookie),
        await get('/api/staff/visit-compliance', cookie),
        await get('/api/staff/field-places', cookie),
        await send('POST', '/api/staff/visits', cookie, body('2026-01-05')),
        await send('PATCH', '/api/staff/visits/anything', cookie, { notes: 'x' }),
      ];
      expect(
        answers.map((a) => a.statusCode),
        username,
      ).toEqual([403, 403, 403, 403, 403, 403]);
    }
  });

  it('lets the bureau admin read but not log a visit', async () => {
    const cookie = await loginAs(t.app, 'admin');
    expect((await get('/api/staff/visits', cookie)).statusCode).toBe(200);
    const res = await send('POST', '/api/staff/visits', cookie, body('2026-01-05'));
    expect(res.statusCode).toBe(403);
  });

  it('lets the street admin log for a liaison of the street, and no other', async () => {
    const admin = await loginAs(t.app, 'yinhang.admin');
    const forLiaison = await send(
      'POST',
      '/api/staff/visits',
      admin,
      body('2026-01-05', { liaisonId: await staffId('yinhang.2') }),
    );
    expect(forLiaison.statusCode).toBe(201);
    const visit = json<Visit>(forLiaison);
    expect([visit.liaison.name, visit.recordedBy.name]).toEqual(['高海燕', '曹鹏']);
    const stranger = await send(
      'POST',
      '/api/staff/visits',
      admin,
      body('2026-01-05', { liaisonId: await staffId('dinghai.1') }),
    );
    expect(stranger.statusCode).toBe(422);
    expect(json(stranger).details).toEqual([expect.objectContaining({ field: 'liaisonId' })]);
    // The liaison it was logged for reads it, but only its author may correct it.
    const liaison = await loginAs(t.app, 'yinhang.2');
    expect(json<Visit>(await get(`/api/staff/visits/${visit.id}`, liaison)).canEdit).toBe(false);
    const edit = await send('PATCH', `/api/staff/visits/${visit.id}`, liaison, { notes: '补充' });
    expect(edit.statusCode).toBe(403);
  });

  it('refuses a liaison logging for a colleague', async () => {
    const cookie = await loginAs(t.app, 'yinhang.1');
    const res = await send(
      'POST',
      '/api/staff/visits',
      cookie,
      body('2026-01-05', { liaisonId: await staffId('yinhang.2') }),
    );
    expect(json(res).details).toEqual([expect.objectContaining({ field: 'liaisonId' })]);
  });
});

describe('correcting a visit', () => {
  let visit: Visit;

  it('lets the author change date, partners and notes within 7 days, audited', async () => {
    t.clock.now = local('2026-01-05T10:00:00');
    const cookie = await loginAs(t.app, 'yinhang.1');
    visit = json<Visit>(await send('POST', '/api/staff/visits', cookie, body('2026-01-05')));
    expect(visit.editableUntil).toBe('2026-01-12T15:59:59.999Z');
    t.clock.now = local('2026-01-12T23:00:00');
    const again = await loginAs(t.app, 'yinhang.1');
    const res = await send('PATCH', `/api/staff/visits/${visit.id}`, again, {
      date: '2026-01-06',
      partners: ['owners_committee', 'residents'],
      notes: '补记：业委会主任在场。',
    });
    expect(res.statusCode).toBe(200);
    const edited = json<Visit>(res);
    expect([edited.date, edited.week, edited.editCount]).toEqual(['2026-01-06', '2026-W02', 1]);
    expect(edited.partners).toEqual(['owners_committee', 'residents']);
    const entry = await t.handle.db
      .selectFrom('audit_entries')
      .select(['detail'])
      .where('action', '=', 'visit.edit')
      .where('record_id', '=', visit.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail)).toEqual({ fields: ['date', 'partners', 'notes'] });
  });

  it('closes the window at 24:00 of the 7th day after logging', async () => {
    t.clock.now = local('2026-01-13T00:00:01');
    const cookie = await loginAs(t.app, 'yinhang.1');
    const res = await send('PATCH', `/api/staff/visits/${visit.id}`, cookie, {
      notes: '迟到的补记',
    });
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toBe('edit_window_closed');
  });
});

describe('a repeated visit request', () => {
  it('answers the same key with the same visit and refuses it for different content', async () => {
    t.clock.now = local('2026-01-05T10:00:00');
    const cookie = await loginAs(t.app, 'yinhang.1');
    const first = await send(
      'POST',
      '/api/staff/visits',
      cookie,
      body('2026-01-05'),
      'key-00000001',
    );
    const second = await send(
      'POST',
      '/api/staff/visits',
      cookie,
      body('2026-01-05'),
      'key-00000001',
    );
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(json<Visit>(second).id).toBe(json<Visit>(first).id);
    const other = await send(
      'POST',
      '/api/staff/visits',
      cookie,
      body('2026-01-04'),
      'key-00000001',
    );
    expect(other.statusCode).toBe(409);
  });
});
