// Checklist item 10 of shared/OPEN311.md §11 (no personal data and no private kinds in any GET),
// the servicerequestupdates extension, key revocation and the rate limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Open311Key, Open311Request, Open311Update } from '../../src/contract/open311.js';
import type { ResidentTicket, StaffTicket } from '../../src/contract/tickets.js';
import { accessTokenOf } from '../../src/server/tickets/intake.js';
import { json, loginAs } from '../app.js';
import { assertValid } from './schemas.js';
import { file, postForm, startOpen311Scene, step, type Open311Scene } from './support.js';

let s: Open311Scene;
beforeAll(async () => {
  s = await startOpen311Scene();
});
afterAll(async () => {
  await s.t.close();
});

const personal = ['13900139000', '李四', '李*', 'lisi@example.com', 'device-77', 'acct-42'];

async function everyGet(ids: string[]): Promise<string> {
  const urls = [
    '/open311/v2/requests.json?extensions=true',
    '/open311/v2/requests.xml',
    '/open311/v2/servicerequestupdates.json',
    ...ids.map((id) => `/open311/v2/requests/${id}.json?extensions=true`),
  ];
  const bodies = await Promise.all(urls.map((url) => s.t.app.inject({ url })));
  return bodies.map((b) => b.body).join('\n');
}

describe('privacy', () => {
  it('never shows the reporter, and shows neither complaints nor a resident’s words', async () => {
    const posted = await file(s, {
      first_name: '四',
      last_name: '李',
      phone: '13900139000',
      email: 'lisi@example.com',
      device_id: 'device-77',
      account_id: 'acct-42',
    });
    await file(s, { service_code: 'complaint', description: '举报人住 3 号楼 502' });
    const resident = await s.t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: s.buildingToken,
        kind: 'help',
        description: '我是 502 的王五，电话 13700137000',
        phone: '13700137000',
        reporterName: '王五',
      },
    });
    expect(resident.statusCode).toBe(201);
    const residentCode = json<{ trackingCode: string }>(resident).trackingCode;

    const all = await everyGet([posted.service_request_id ?? '', residentCode]);
    for (const value of [...personal, '13700137000', '王五', '502']) {
      expect(all).not.toContain(value);
    }
    const rows = json<Open311Request[]>(await s.t.app.inject({ url: '/open311/v2/requests.json' }));
    expect(rows.map((r) => r.service_code)).not.toContain('complaint');
    const fromResident = rows.find((r) => r.service_request_id === residentCode);
    expect(fromResident?.description).toBeNull();
    expect(fromResident?.status).toBe('open');
  });

  it('answers 404 for a complaint’s tracking code, as if it did not exist', async () => {
    const complaint = await s.t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { placardToken: s.buildingToken, kind: 'complaint', description: '噪音扰民' },
    });
    const code = json<{ trackingCode: string }>(complaint).trackingCode;
    const res = await s.t.app.inject({ url: `/open311/v2/requests/${code}.json` });
    expect(res.statusCode).toBe(404);
    const listed = json<Open311Request[]>(
      await s.t.app.inject({ url: `/open311/v2/requests.json?service_request_id=${code}` }),
    );
    expect(listed).toEqual([]);
  });
});

describe('servicerequestupdates', () => {
  it('lists the state changes since a time, with fixed texts and open/closed', async () => {
    const since = new Date(s.t.clock.now.getTime() - 1000).toISOString();
    const posted = await file(s);
    const id = posted.service_request_id ?? '';
    s.t.clock.now = new Date(s.t.clock.now.getTime() + 60_000);
    await step(s, id, 'accept');
    await step(s, id, 'contact', { method: 'phone' });
    await step(s, id, 'resolve', { outcome: 'answered', reply: '已答复李四先生 13900139000' });
    const res = await s.t.app.inject({
      url: `/open311/v2/servicerequestupdates.json?start_date=${encodeURIComponent(since)}`,
    });
    const updates = json<Open311Update[]>(res).filter((u) => u.service_request_id === id);
    assertValid('updates', updates);
    expect(updates.map((u) => [u.status, u.description.split(' / ')[1]])).toEqual([
      ['open', 'Submitted'],
      ['open', 'Accepted'],
      ['open', 'First contact made'],
      ['closed', 'Resolved and answered'],
    ]);
    expect(res.body).not.toContain('13900139000');
    expect(updates.every((u) => u.updated_datetime.endsWith('+08:00'))).toBe(true);
  });

  it('takes a partner note on its own request once per update_id, refusing others', async () => {
    const own = await file(s);
    const fields = {
      api_key: s.apiKey,
      service_request_id: own.service_request_id ?? '',
      update_id: 'partner-1',
      description: '热线回访：居民表示已了解',
    };
    const first = await postForm(s, '/open311/v2/servicerequestupdates.json', fields);
    const again = await postForm(s, '/open311/v2/servicerequestupdates.json', fields);
    expect(first.statusCode).toBe(200);
    expect(json<{ update_id: string }[]>(again)).toEqual(json<{ update_id: string }[]>(first));
    const notes = await s.t.ctx.db
      .selectFrom('open311_notes')
      .innerJoin('tickets', 'tickets.id', 'open311_notes.ticket_id')
      .select(['open311_notes.description'])
      .where('tickets.tracking_code', '=', own.service_request_id ?? '')
      .execute();
    expect(notes.map((n) => n.description)).toEqual(['热线回访：居民表示已了解']);

    const resident = await s.t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { placardToken: s.buildingToken, kind: 'help', description: '路灯坏了' },
    });
    const foreign = await postForm(s, '/open311/v2/servicerequestupdates.json', {
      ...fields,
      update_id: 'partner-2',
      service_request_id: json<{ trackingCode: string }>(resident).trackingCode,
    });
    expect(foreign.statusCode).toBe(403);
    const noKey = await postForm(s, '/open311/v2/servicerequestupdates.json', {
      ...fields,
      api_key: '',
    });
    expect(noKey.statusCode).toBe(403);
  });

  it('shows a partner note to the liaison, not to the resident or an Open311 GET', async () => {
    const own = await file(s);
    const code = own.service_request_id ?? '';
    const ticket = await s.t.ctx.db
      .selectFrom('tickets')
      .select(['id', 'room_id'])
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    const liaisonUser = await s.t.ctx.db
      .selectFrom('room_liaisons')
      .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
      .select('staff.username')
      .where('room_liaisons.room_id', '=', ticket.room_id)
      .orderBy('room_liaisons.sort')
      .executeTakeFirstOrThrow();
    const liaison = await loginAs(s.t.app, liaisonUser.username);
    const detailOf = async () => {
      const res = await s.t.app.inject({
        url: `/api/staff/tickets/${ticket.id}`,
        headers: { cookie: liaison },
      });
      expect(res.statusCode).toBe(200);
      return json<StaffTicket>(res);
    };
    expect((await detailOf()).partnerNotes).toEqual([]);

    const pushedAt = s.t.clock.now.toISOString();
    const pushed = await postForm(s, '/open311/v2/servicerequestupdates.json', {
      api_key: s.apiKey,
      service_request_id: code,
      update_id: 'partner-visible',
      description: '热线回访：居民希望周末上门',
    });
    expect(pushed.statusCode).toBe(200);
    const [{ update_id: noteId }] = json<[{ update_id: string }]>(pushed);
    expect((await detailOf()).partnerNotes).toEqual([
      { id: noteId, partner: '区城运中心', text: '热线回访：居民希望周末上门', at: pushedAt },
    ]);

    const follow = await s.t.app.inject({
      url: `/api/public/tickets/${accessTokenOf(s.t.ctx, ticket.id)}`,
    });
    expect(follow.statusCode).toBe(200);
    expect(json<ResidentTicket>(follow).trackingCode).toBe(code);
    expect(follow.body).not.toContain('居民希望周末上门');
    expect(follow.body).not.toContain('partnerNotes');
    expect(await everyGet([code])).not.toContain('居民希望周末上门');
  });
});

describe('keys', () => {
  it('lists keys without the key itself and refuses a revoked key with 403', async () => {
    const listed = await s.t.app.inject({
      url: '/api/staff/open311/keys',
      headers: { cookie: s.admin },
    });
    const keys = json<{ items: Open311Key[] }>(listed).items;
    expect(keys.map((k) => k.partner)).toEqual(['区城运中心']);
    expect(keys[0]?.requestCount).toBeGreaterThan(0);
    expect(listed.body).not.toContain(s.apiKey);
    expect(s.apiKey.startsWith(keys[0]?.prefix ?? '-')).toBe(true);

    const revoked = await s.t.app.inject({
      method: 'POST',
      url: `/api/staff/open311/keys/${s.keyId}/revoke`,
      headers: s.adminHeaders,
    });
    expect(json<Open311Key>(revoked).revokedAt).not.toBeNull();
    const refused = await postForm(s, '/open311/v2/requests.json', {
      api_key: s.apiKey,
      service_code: 'help',
      address_id: s.buildingCode,
      'attribute[contact_consent]': 'yes',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('revoked');
    const trail = await s.t.ctx.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_id', '=', s.keyId)
      .orderBy('seq')
      .execute();
    expect(trail.map((e) => e.action)).toEqual(['open311.key_issue', 'open311.key_revoke']);
  });

  it('lets only the bureau admin see keys', async () => {
    const res = await s.t.app.inject({ url: '/api/staff/open311/keys' });
    expect(res.statusCode).toBe(401);
  });
});

describe('rate limits', () => {
  it('refuses the 121st read of a minute from one address with 429 and Retry-After', async () => {
    s.t.clock.now = new Date(s.t.clock.now.getTime() + 3600_000);
    let last = await s.t.app.inject({ url: '/open311/v2/requests.json?page_size=1' });
    for (let i = 1; i < 121; i += 1) {
      last = await s.t.app.inject({ url: '/open311/v2/requests.json?page_size=1' });
    }
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(json<{ code: number }[]>(last)[0]?.code).toBe(429);
  });
});

describe('write limits', () => {
  it('refuses the 31st POST of a minute with one key, filing nothing more', async () => {
    const { issueOpen311Key } = await import('../../src/server/open311/keys.js');
    const admin = await s.t.ctx.db
      .selectFrom('staff')
      .select(['id', 'street_id'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const issued = await issueOpen311Key(
      s.t.ctx,
      { id: admin.id, role: 'bureau_admin', streetId: admin.street_id, sessionId: '-' },
      { name: '压力测试', partner: '测试单位' },
    );
    const fields = {
      api_key: issued.apiKey,
      service_code: 'help',
      address_id: s.buildingCode,
      'attribute[contact_consent]': 'no',
    };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      statuses.push((await postForm(s, '/open311/v2/requests.json', fields)).statusCode);
    }
    expect(statuses.filter((c) => c === 200)).toHaveLength(30);
    expect(statuses[30]).toBe(429);
    const filed = await s.t.ctx.db
      .selectFrom('open311_requests')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('key_id', '=', issued.key.id)
      .executeTakeFirstOrThrow();
    expect(Number(filed.n)).toBe(30);
  });
});
