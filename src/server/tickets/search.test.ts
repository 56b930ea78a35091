import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt, StaffTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, prepareTestApp, startTestApp, type TestApp } from '../../../test/app.js';
import { buildApp } from '../app.js';
import { verifyAuditChain } from '../audit/service.js';
import { reporterPhoneDigest, searchOf, trackingCodeText } from './search.js';
import { containsPattern } from '../db/text-match.js';

let t: TestApp;

const filedAt = new Date('2025-09-30T15:20:00+08:00');

/** A building of the demo with what the scope tests need to know about it. */
interface Place {
  token: string;
  name: string;
  roomId: string;
  streetCode: string;
}

/** The sample placard's building, one in another room of its street, one in another street. */
let home: Place;
let sameStreet: Place;
let otherStreet: Place;
/** The first liaison of the sample placard's room. */
let liaison: string;
const streetAdmin = 'yinhang.admin';

async function places(): Promise<Place[]> {
  return t.handle.db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .select([
      'buildings.placard_token as token',
      'buildings.name as name',
      'rooms.id as roomId',
      'streets.code as streetCode',
    ])
    .orderBy('buildings.code')
    .execute();
}

beforeAll(async () => {
  t = await startTestApp(filedAt);
  const all = await places();
  const found = all.find((p) => p.token === t.demo.samplePlacard.token);
  if (!found) {
    throw new Error('no sample placard');
  }
  home = found;
  const neighbour = all.find((p) => p.streetCode === home.streetCode && p.roomId !== home.roomId);
  const far = all.find((p) => p.streetCode !== home.streetCode);
  if (!neighbour || !far) {
    throw new Error('the demo has too few buildings');
  }
  sameStreet = neighbour;
  otherStreet = far;
  const row = await t.handle.db
    .selectFrom('room_liaisons')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select('staff.username')
    .where('room_liaisons.room_id', '=', home.roomId)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  liaison = row.username;
});

afterAll(async () => {
  await t.close();
});

interface Filed {
  id: string;
  trackingCode: string;
}

/** Files a resident's ticket at a building and returns its id and tracking code. */
async function file(
  place: Place,
  description: string,
  extra: { kind?: string; matterCode?: string; phone?: string } = {},
): Promise<Filed> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: { placardToken: place.token, kind: extra.kind ?? 'complaint', description, ...extra },
  });
  if (res.statusCode !== 201) {
    throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  }
  return idOf(json<Receipt>(res).trackingCode);
}

async function idOf(trackingCode: string): Promise<Filed> {
  const row = await t.handle.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirstOrThrow();
  return { id: row.id, trackingCode };
}

const cookies = new Map<string, string>();

async function cookieOf(user: string): Promise<string> {
  let cookie = cookies.get(user);
  if (!cookie) {
    cookie = await loginAs(t.app, user);
    cookies.set(user, cookie);
  }
  return cookie;
}

/** The staff list as `user` sees it, every state unless asked otherwise. */
async function search(user: string, params: Record<string, string>): Promise<TicketList> {
  const query = new URLSearchParams({ status: 'all', pageSize: '100', ...params });
  const res = await t.app.inject({
    url: `/api/staff/tickets?${query.toString()}`,
    headers: { cookie: await cookieOf(user) },
  });
  if (res.statusCode !== 200) {
    throw new Error(`search by ${user}: ${res.statusCode} ${res.body}`);
  }
  return json<TicketList>(res);
}

async function idsFound(user: string, params: Record<string, string>): Promise<string[]> {
  return (await search(user, params)).items.map((i) => i.id).sort();
}

const sorted = (...tickets: Filed[]) => tickets.map((x) => x.id).sort();

describe('search patterns', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('c\\d')).toBe('%c\\\\d%');
    expect(containsPattern('楼道')).toBe('%楼道%');
  });

  it('reads a tracking code in any case, with or without dashes, full-width too', () => {
    expect(trackingCodeText('ll-ab12c-de34f')).toBe('llab12cde34f');
    expect(trackingCodeText('ＬＬ－ＡＢ１２Ｃ')).toBe('LLAB12C');
    expect(trackingCodeText('楼道堆物')).toBeNull();
    expect(trackingCodeText('100%')).toBeNull();
  });

  it('searches for nothing when every field is empty', () => {
    expect(searchOf({})).toBeUndefined();
    expect(searchOf({ q: '   ' })).toBeUndefined();
    expect(searchOf({ kind: 'complaint' })?.kind).toBe('complaint');
  });
});

describe('text search', () => {
  it('finds a Chinese substring in the middle of a description', async () => {
    const ticket = await file(home, '东侧楼道里堆放了大量纸箱和旧家具，影响通行');
    expect(await idsFound('admin', { q: '大量纸箱' })).toEqual([ticket.id]);
    expect(await idsFound('admin', { q: '纸箱和旧家' })).toEqual([ticket.id]);
    expect(await idsFound('admin', { q: '纸箱和新家具' })).toEqual([]);
  });

  it('takes %, _ and \\ in the text literally', async () => {
    const percent = await file(home, '商铺外摆招牌写着全场折扣100%不退换');
    const hundred = await file(home, '商铺外摆招牌写着全场折扣1000元不退换');
    const underscore = await file(home, '违规广告编号QX_7贴在门口');
    const other = await file(home, '违规广告编号QXA7贴在门口');
    const slash = await file(home, '围墙上喷涂了路径R\\9的字样');
    expect(await idsFound('admin', { q: '折扣100%' })).toEqual([percent.id]);
    expect(await idsFound('admin', { q: 'QX_7' })).toEqual([underscore.id]);
    expect(await idsFound('admin', { q: '路径R\\9' })).toEqual([slash.id]);
    const anyPercent = await idsFound('admin', { q: '%' });
    expect(anyPercent).toContain(percent.id);
    expect(anyPercent).not.toContain(hundred.id);
    expect(await idsFound('admin', { q: '_' })).not.toContain(other.id);
  });

  it('finds a tracking code typed in lower case without dashes, or with them', async () => {
    const ticket = await file(home, '夜间施工噪声扰民');
    const lower = ticket.trackingCode.toLowerCase();
    expect(await idsFound('admin', { q: lower.replaceAll('-', '') })).toEqual([ticket.id]);
    expect(await idsFound('admin', { q: lower })).toEqual([ticket.id]);
    expect(await idsFound('admin', { q: ` ${ticket.trackingCode} ` })).toEqual([ticket.id]);
  });

  it("finds a building's tickets by its name, matching case-insensitively for ASCII", async () => {
    const ticket = await file(sameStreet, '小区门口占道经营');
    const found = await search('admin', { q: sameStreet.name });
    expect(found.items.map((i) => i.id)).toContain(ticket.id);
    expect(found.items.every((i) => i.building === sameStreet.name)).toBe(true);
    const ascii = await file(home, 'Shop sign BLOCKS the pavement');
    expect(await idsFound('admin', { q: 'sign blocks' })).toEqual([ascii.id]);
  });

  it('refuses a text longer than 100 characters', async () => {
    const res = await t.app.inject({
      url: `/api/staff/tickets?q=${encodeURIComponent('楼'.repeat(101))}`,
      headers: { cookie: await cookieOf('admin') },
    });
    expect(res.statusCode).toBe(400);
    expect((await search('admin', { q: '楼'.repeat(100) })).total).toBe(0);
  });
});

describe('filters', () => {
  it('combines kind, matter, channel, tier and deadline', async () => {
    const mark = '组合筛选测试';
    const wfdjComplaint = await file(home, `${mark}一`, { kind: 'complaint', matterCode: 'WFDJ' });
    const wfdjReport = await file(home, `${mark}二`, { kind: 'report', matterCode: 'WFDJ' });
    const plainComplaint = await file(home, `${mark}三`, { kind: 'complaint' });
    const clue = await t.app.inject({
      method: 'POST',
      url: '/api/dept/clues',
      payload: { placardToken: home.token, kind: 'complaint', description: `${mark}四` },
      headers: { cookie: await cookieOf('fangguan.dept') },
    });
    expect(clue.statusCode).toBe(201);
    const fromDept = await idOf(json<Receipt>(clue).trackingCode);

    const q = mark;
    expect(await idsFound('admin', { q, kind: 'complaint' })).toEqual(
      sorted(wfdjComplaint, plainComplaint, fromDept),
    );
    expect(await idsFound('admin', { q, matterCode: 'WFDJ' })).toEqual(
      sorted(wfdjComplaint, wfdjReport),
    );
    expect(await idsFound('admin', { q, kind: 'complaint', matterCode: 'WFDJ' })).toEqual([
      wfdjComplaint.id,
    ]);
    expect(await idsFound('admin', { q, channel: 'dept:fangguan' })).toEqual([fromDept.id]);
    expect(await idsFound('admin', { q, channel: 'dept:lvhua' })).toEqual([]);
    expect(await idsFound('admin', { q, kind: 'complaint', channel: 'placard' })).toEqual(
      sorted(wfdjComplaint, plainComplaint),
    );

    const up = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${plainComplaint.id}/actions/escalate`,
      payload: { reason: '需街道协调' },
      headers: { cookie: await cookieOf(liaison) },
    });
    expect(json<StaffTicket>(up).tier).toBe('street');
    expect(await idsFound('admin', { q, kind: 'complaint', tier: 'street' })).toEqual([
      plainComplaint.id,
    ]);
    expect(await idsFound('admin', { q, kind: 'complaint', tier: 'community' })).toEqual(
      sorted(wfdjComplaint, fromDept),
    );

    expect(await idsFound('admin', { q, due: 'overdue' })).toEqual([]);
    // Sessions lapse when the clock jumps, so everyone signs in again on either side of it.
    t.clock.now = new Date('2025-12-31T12:00:00+08:00');
    cookies.clear();
    try {
      expect(await idsFound('admin', { q, due: 'overdue', matterCode: 'WFDJ' })).toEqual(
        sorted(wfdjComplaint, wfdjReport),
      );
      expect(
        await idsFound('admin', { q, due: 'overdue', matterCode: 'WFDJ', kind: 'report' }),
      ).toEqual([wfdjReport.id]);
    } finally {
      t.clock.now = filedAt;
      cookies.clear();
    }
  });

  it('refuses a channel that is neither the placard nor a department', async () => {
    const res = await t.app.inject({
      url: '/api/staff/tickets?channel=sms',
      headers: { cookie: await cookieOf('admin') },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('scope', () => {
  it('hides other rooms from a liaison and other streets from a street admin', async () => {
    const mark = '范围检查用例';
    const mine = await file(home, `${mark}：本工作室`);
    const neighbour = await file(sameStreet, `${mark}：同街道另一工作室`);
    const far = await file(otherStreet, `${mark}：另一街道`);

    expect(await idsFound(liaison, { q: mark })).toEqual([mine.id]);
    expect(await idsFound(streetAdmin, { q: mark })).toEqual(sorted(mine, neighbour));
    expect(await idsFound('admin', { q: mark })).toEqual(sorted(mine, neighbour, far));

    const code = (f: Filed) => f.trackingCode.replaceAll('-', '').toLowerCase();
    expect(await idsFound(liaison, { q: code(neighbour) })).toEqual([]);
    expect(await idsFound(liaison, { q: code(far) })).toEqual([]);
    expect(await idsFound(liaison, { q: sameStreet.name })).toEqual([]);
    expect(await idsFound(streetAdmin, { q: code(far) })).toEqual([]);
    expect(await idsFound(streetAdmin, { q: otherStreet.name })).toEqual([]);
  });
});

describe('phone lookup', () => {
  const phone = '13912345678';
  const fullWidth = '１３９ １２３４ ５６７８';

  async function lookup(user: string | null, body: unknown) {
    return t.app.inject({
      method: 'POST',
      url: '/api/staff/tickets/search-by-phone',
      payload: body as Record<string, unknown>,
      headers: user ? { cookie: await cookieOf(user) } : {},
    });
  }

  async function lookupEntries() {
    return t.handle.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'ticket.phone_lookup')
      .orderBy('seq')
      .execute();
  }

  it('finds tickets by a full-width phone number, audited once without the phone', async () => {
    const mine = await file(home, '门前违规停车堵塞消防通道', { phone });
    const far = await file(otherStreet, '门前违规停车堵塞消防通道', { phone });
    await file(home, '另一位居民的诉求', { phone: '13700001111' });
    const before = await lookupEntries();

    const res = await lookup(streetAdmin, { phone: fullWidth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const found = json<TicketList>(res);
    expect(found.items.map((i) => i.id)).toEqual([mine.id]);
    expect(found.total).toBe(1);
    expect(res.body).not.toContain(phone);

    const after = await lookupEntries();
    expect(after).toHaveLength(before.length + 1);
    const entry = after.at(-1);
    expect(entry).toMatchObject({ actor_kind: 'staff', record_type: 'ticket', record_id: null });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ results: 1, ticketIds: [mine.id] });
    expect(entry?.request_id).toBeTruthy();

    const admin = json<TicketList>(await lookup('admin', { phone: `+86 ${phone}` }));
    expect(admin.items.map((i) => i.id).sort()).toEqual(sorted(mine, far));

    const none = json<TicketList>(await lookup('admin', { phone: '13800009999' }));
    expect(none.total).toBe(0);
    const last = (await lookupEntries()).at(-1);
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({ results: 0, ticketIds: [] });

    const trail = await t.handle.db.selectFrom('audit_entries').selectAll().execute();
    const text = JSON.stringify(trail);
    for (const leaked of [phone, '12345678', '13800009999']) {
      expect(text).not.toContain(leaked);
    }
    expect(await verifyAuditChain(t.handle.db, t.ctx)).toMatchObject({ ok: true });
  });

  it('stores a keyed digest of the normalised phone, never the phone', async () => {
    const ticket = await file(home, '楼下餐饮油烟扰民', { phone: '13600002222' });
    const row = await t.handle.db
      .selectFrom('ticket_reporters')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(row.phone_digest).toBe(reporterPhoneDigest(t.ctx.cipher, '136 0000 2222'));
    expect(row.phone_digest).toMatch(/^[0-9a-f]{64}$/);
    const none = await file(home, '没有留电话的诉求');
    const bare = await t.handle.db
      .selectFrom('ticket_reporters')
      .select('phone_digest')
      .where('ticket_id', '=', none.id)
      .executeTakeFirstOrThrow();
    expect(bare.phone_digest).toBeNull();
  });

  it('refuses liaisons, auditors and departments, and audits nothing for them', async () => {
    const before = (await lookupEntries()).length;
    for (const user of [liaison, 'auditor', 'fangguan.dept']) {
      expect((await lookup(user, { phone })).statusCode).toBe(403);
    }
    expect((await lookup(null, { phone })).statusCode).toBe(401);
    expect((await lookup('admin', { phone: '12345' })).statusCode).toBe(400);
    expect((await lookup('admin', {})).statusCode).toBe(400);
    expect(await lookupEntries()).toHaveLength(before);
  });

  it('answers no GET, so a phone can never travel in a query string', async () => {
    const res = await t.app.inject({
      url: `/api/staff/tickets/search-by-phone?phone=${phone}`,
      headers: { cookie: await cookieOf('admin') },
    });
    expect(res.statusCode).not.toBe(200);
  });

  it('leaves the phone out of the request log', async () => {
    const lines: string[] = [];
    const logged = await buildApp(t.ctx, {
      logLevel: 'trace',
      logStream: { write: (line: string) => lines.push(line) },
    });
    prepareTestApp(logged, t.ctx);
    try {
      const cookie = await loginAs(logged, 'admin');
      for (const typed of [phone, fullWidth, '1391234567x']) {
        await logged.inject({
          method: 'POST',
          url: '/api/staff/tickets/search-by-phone',
          payload: { phone: typed },
          headers: { cookie },
        });
      }
    } finally {
      await logged.close();
    }
    const log = lines.join('');
    expect(log).toContain('/api/staff/tickets/search-by-phone');
    for (const leaked of [phone, fullWidth, '１３９', '1391234567x']) {
      expect(log).not.toContain(leaked);
    }
  });
});
