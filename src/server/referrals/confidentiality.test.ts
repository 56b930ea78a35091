// The reporter never reaches a department (城管条例 Art 26; the 2026 宝山 leak, docs/sources.md §5):
// every route under /api/dept is called as a department user, with real ids, and no answer may
// carry the reporter's phone or name in any form or a field named after the reporter or a phone.
import type { LightMyRequestResponse } from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffReferral } from '../../contract/referrals.js';
import type { Receipt, StaffTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from '../../../test/app.js';
import { samplePlacardBuildingCode } from '../org/demo-org.js';

const uploads = path.resolve(import.meta.dirname, '../../../test/cases/uploads');
const phone = '13800138000';
/** The name the resident left; a rare one, so that any appearance of it is a leak. */
const reporterName = '欧阳翠花';

let t: TestApp;
let liaison: string;
let department: string;
let ticketId: string;
let residentPhotoId: string;
/** Referred to 房管局: read, accepted, answered. */
let main: StaffReferral;
/** Referred to 房管局 too: declined. */
let second: StaffReferral;

function photoUpload(url: string, cookie?: string) {
  const bytes = readFileSync(path.join(uploads, 'photo-exif-gps.jpg'));
  const { payload, headers } = multipartPhoto(bytes, 'IMG_0001.jpg');
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
  });
}

async function uploadedId(url: string, cookie?: string): Promise<string> {
  const res = await photoUpload(url, cookie);
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res).id;
}

async function referToHousing(requestText: string, photoIds: string[]): Promise<StaffReferral> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${ticketId}/referrals`,
    payload: { departments: ['fangguan'], kind: 'evidence', requestText, photoIds },
    headers: { cookie: liaison },
  });
  expect(res.statusCode).toBe(201);
  const items = json<{ items: StaffReferral[] }>(res).items;
  return items[items.length - 1] as StaffReferral;
}

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:00:00+08:00'));
  const token = t.demo.samplePlacard.token;
  residentPhotoId = await uploadedId('/api/public/photos');
  const receipt = json<Receipt>(
    await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: token,
        kind: 'report',
        // Residents do write their number into the text; a department must not read it.
        description: `楼下天井里在违章搭建，我是楼上住户，电话 ${phone}，请别告诉他们是我。`,
        photoIds: [residentPhotoId],
        phone,
        reporterName,
      },
    }),
  );
  const username = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select('staff.username')
    .where('buildings.placard_token', '=', token)
    .executeTakeFirstOrThrow();
  liaison = await loginAs(t.app, username.username);
  const inbox = json<TicketList>(
    await t.app.inject({ url: '/api/staff/tickets', headers: { cookie: liaison } }),
  );
  ticketId = inbox.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
  const staffView = json<StaffTicket>(
    await t.app.inject({ url: `/api/staff/tickets/${ticketId}`, headers: { cookie: liaison } }),
  );
  // The liaison sees the masked number and, careless, pastes it into the request.
  main = await referToHousing(
    `请调取监控。反映人 ${staffView.reporterPhoneMasked ?? ''} 称每晚施工。`,
    [await uploadedId('/api/public/photos')],
  );
  second = await referToHousing('请提供该户产权信息。', []);
  department = await loginAs(t.app, 'fangguan.dept');
});

afterAll(async () => {
  await t.close();
});

/** One request of the walk, built when its turn comes (some need a fresh upload). */
type Sample = () => Promise<{ url: string; payload?: unknown; multipart?: boolean }>;

const samples: Record<string, Sample> = {
  'GET /api/dept/referrals': () => Promise.resolve({ url: '/api/dept/referrals?status=all' }),
  'GET /api/dept/referrals/:id': () => Promise.resolve({ url: `/api/dept/referrals/${main.id}` }),
  'POST /api/dept/referrals/:id/accept': () =>
    Promise.resolve({ url: `/api/dept/referrals/${main.id}/accept`, payload: { text: '收到' } }),
  'POST /api/dept/referrals/:id/decline': () =>
    Promise.resolve({
      url: `/api/dept/referrals/${second.id}/decline`,
      payload: { text: '产权信息请向不动产登记中心调取。' },
    }),
  'POST /api/dept/referrals/:id/answer': async () => ({
    url: `/api/dept/referrals/${main.id}/answer`,
    payload: {
      text: '已调取 10 月 1 日至 7 日监控，见附件。',
      photoIds: [await uploadedId('/api/dept/photos', department)],
    },
  }),
  'GET /api/dept/referrals/:id/photos/:photoId': () =>
    Promise.resolve({
      url: `/api/dept/referrals/${main.id}/photos/${main.requestPhotos[0]?.id ?? ''}`,
    }),
  'POST /api/dept/photos': () => Promise.resolve({ url: '/api/dept/photos', multipart: true }),
  'GET /api/dept/buildings': () =>
    Promise.resolve({ url: `/api/dept/buildings?q=${encodeURIComponent('殷行一村')}` }),
  'POST /api/dept/clues': () =>
    Promise.resolve({
      url: '/api/dept/clues',
      payload: {
        buildingCode: samplePlacardBuildingCode,
        kind: 'report',
        description: '巡查发现天井内有新建砖墙。',
      },
    }),
};

async function call(method: string, sample: Sample): Promise<LightMyRequestResponse> {
  const request = await sample();
  if (request.multipart) {
    return photoUpload(request.url, department);
  }
  return t.app.inject({
    method: method as 'GET' | 'POST',
    url: request.url,
    headers: { cookie: department },
    ...(request.payload === undefined ? {} : { payload: request.payload as object }),
  });
}

/** Every key of a JSON value, however deep. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(keysOf);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  }
  return [];
}

/** What in a response body would tell a department who reported. */
function leaksIn(res: LightMyRequestResponse): string[] {
  const body = res.body;
  const found: string[] = [];
  for (const needle of [
    phone,
    '138****8000',
    '138 0013 8000',
    '138-0013-8000',
    reporterName,
    '欧*',
    '翠花',
  ]) {
    if (body.includes(needle)) {
      found.push(needle);
    }
  }
  // 8000 as the end of a phone number, masked or spaced.
  for (const pattern of [/[*＊]+\s*8000/, /138\D{0,3}0013\D{0,3}8000/]) {
    if (pattern.test(body)) {
      found.push(String(pattern));
    }
  }
  if (String(res.headers['content-type']).startsWith('application/json')) {
    found.push(...keysOf(JSON.parse(body)).filter((k) => /reporter|phone|mobile/i.test(k)));
  }
  return found;
}

describe('what a department receives', () => {
  it('has a sample request for every route under /api/dept', () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/dept'));
    expect(routes.length).toBeGreaterThanOrEqual(9);
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((key) => !(key in samples));
    expect(missing).toEqual([]);
  });

  it('never contains the reporter, in any answer of any /api/dept route', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/dept'));
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const res = await call(route.method, samples[key] as Sample);
      expect(res.statusCode, `${key}: ${res.body.slice(0, 200)}`).toBeLessThan(300);
      expect(leaksIn(res), key).toEqual([]);
    }
  });

  it('never holds the reporter in a list filter, nor in the account it signs in with', async () => {
    for (const status of ['open', 'all', 'sent', 'accepted', 'answered', 'declined', 'overdue']) {
      const res = await t.app.inject({
        url: `/api/dept/referrals?status=${status}`,
        headers: { cookie: department },
      });
      expect(res.statusCode).toBe(200);
      expect(leaksIn(res), status).toEqual([]);
    }
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: department } });
    expect(leaksIn(me)).toEqual([]);
  });

  it('shows the description and the request with the numbers taken out', async () => {
    const detail = json<{ requestText: string; ticket: { description: string } }>(
      await t.app.inject({
        url: `/api/dept/referrals/${main.id}`,
        headers: { cookie: department },
      }),
    );
    expect(detail.ticket.description).toBe(
      '楼下天井里在违章搭建，我是楼上住户，电话 [号码已隐去]，请别告诉他们是我。',
    );
    expect(detail.requestText).toBe('请调取监控。反映人 [号码已隐去] 称每晚施工。');
  });

  it('refuses a department user every /api/staff route, with real ids', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/staff'));
    expect(routes.length).toBeGreaterThan(10);
    const params: Record<string, string> = {
      photoId: residentPhotoId,
      date: '2025-10-01',
    };
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => {
        if (name === 'id') {
          return route.url.includes('/referrals/') ? main.id : ticketId;
        }
        return params[name] ?? 'x';
      });
      // Routes that ask which ticket (the liaisons or rooms it can go to) get the real one.
      const query = route.method === 'GET' ? `?ticketId=${ticketId}` : '';
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: `${url}${query}`,
        headers: { cookie: department },
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      const key = `${route.method} ${route.url}`;
      // A body that does not parse is refused (400) before anyone is asked who is signed in.
      const allowed = route.method === 'GET' ? [403, 404] : [400, 403, 404];
      expect(allowed, `${key} answered ${res.statusCode}`).toContain(res.statusCode);
      expect(leaksIn(res), key).toEqual([]);
    }
  });
});
