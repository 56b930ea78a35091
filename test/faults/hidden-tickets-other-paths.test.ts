// Fault class 10 of RELIABILITY §4 (FixMyStreet v1.5.2: a moderation-response URL leaked hidden
// reports). In Linli a ticket is hidden from the staff of another street, and complaints and
// reports are hidden from the public Open311 feed. Each path that names or finds a ticket must
// answer as if it did not exist: the list, both searches, the detail and each sub-resource,
// the photo, the reporter reveal, every action, the notifications and every Open311 GET.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt, TicketList } from '../../src/contract/tickets.js';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from '../app.js';
import { firstPlacardLiaison } from './placard-liaison.js';

const photoFile = path.resolve(import.meta.dirname, '../cases/uploads/photo-exif-gps.jpg');
const reporterPhone = '13911112222';

let t: TestApp;
let receipt: Receipt;
let ticketId: string;
let photoId: string;
let ownLiaison: string;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-09T10:00:00+08:00'));
  const uploaded = await t.app.inject({
    method: 'POST',
    url: '/api/public/photos',
    ...multipartPhoto(readFileSync(photoFile), 'IMG_0100.jpg'),
  });
  photoId = json<{ id: string }>(uploaded).id;
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'complaint',
      description: '隔壁装修每天早上六点开始，已经两周。',
      phone: reporterPhone,
      photoIds: [photoId],
    },
  });
  expect(filed.statusCode).toBe(201);
  receipt = json<Receipt>(filed);
  ownLiaison = await loginAs(t.app, await firstPlacardLiaison(t));
  const own = json<TicketList>(
    await t.app.inject({
      url: `/api/staff/tickets?q=${receipt.trackingCode}`,
      headers: { cookie: ownLiaison },
    }),
  );
  ticketId = own.items[0]?.id ?? '';
  expect(ticketId).not.toBe('');
});

afterAll(async () => {
  await t.close();
});

/** Every GET under the ticket's id, as the web client would ask. */
const ticketGets = () => [
  `/api/staff/tickets/${ticketId}`,
  `/api/staff/tickets/${ticketId}/photos/${photoId}`,
  `/api/staff/tickets/${ticketId}/referrals`,
  `/api/staff/tickets/${ticketId}/field-work`,
  `/api/staff/tickets/${ticketId}/qa-draft`,
];

describe('hidden tickets leaking through other paths (fault class 10)', () => {
  it('shows the ticket to the liaison of its room, so the checks can fail', async () => {
    for (const url of ticketGets().slice(0, 2)) {
      const res = await t.app.inject({ url, headers: { cookie: ownLiaison } });
      expect(res.statusCode, url).toBe(200);
    }
  });

  it.each(['dinghai.1', 'dinghai.admin'])('answers 404 to %s on every GET by id', async (user) => {
    const cookie = await loginAs(t.app, user);

    for (const url of ticketGets()) {
      const res = await t.app.inject({ url, headers: { cookie } });

      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain(receipt.trackingCode);
    }
  });

  it.each(['dinghai.1', 'dinghai.admin'])(
    'finds nothing for %s in the list or a search',
    async (user) => {
      const cookie = await loginAs(t.app, user);
      const lists = await Promise.all(
        [
          '/api/staff/tickets?status=all&pageSize=100',
          `/api/staff/tickets?status=all&q=${receipt.trackingCode}`,
          `/api/staff/tickets?status=all&q=${encodeURIComponent('装修每天早上')}`,
        ].map((url) => t.app.inject({ url, headers: { cookie } })),
      );
      const byPhone = await t.app.inject({
        method: 'POST',
        url: '/api/staff/tickets/search-by-phone',
        headers: { cookie },
        payload: { phone: reporterPhone },
      });

      for (const res of [...lists, byPhone]) {
        expect(res.statusCode).toBeLessThan(500);
        const items = res.statusCode === 200 ? json<TicketList>(res).items : [];
        expect(items.map((i) => i.id)).not.toContain(ticketId);
      }
      const notifications = await t.app.inject({
        url: '/api/staff/notifications',
        headers: { cookie },
      });
      expect(notifications.body).not.toContain(receipt.trackingCode);
      expect(notifications.body).not.toContain(ticketId);
    },
  );

  it('refuses dinghai.admin the reveal and every action with 404, changing nothing', async () => {
    const cookie = await loginAs(t.app, 'dinghai.admin');
    const before = await t.handle.db
      .selectFrom('tickets')
      .select(['status', 'assignee_id'])
      .where('id', '=', ticketId)
      .executeTakeFirstOrThrow();
    const posts = [
      ['reporter/reveal', {}],
      ['actions/accept', {}],
      ['actions/decline', { reason: '不属于本街道' }],
      ['actions/reassign', { assigneeId: 'x' }],
      ['actions/supervise', { note: '请尽快处理' }],
      ['referrals', {}],
    ] as const;

    for (const [tail, payload] of posts) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/staff/tickets/${ticketId}/${tail}`,
        headers: { cookie },
        payload,
      });

      expect([400, 404], tail).toContain(res.statusCode);
      expect(res.body, tail).not.toContain(receipt.trackingCode);
    }
    const after = await t.handle.db
      .selectFrom('tickets')
      .select(['status', 'assignee_id'])
      .where('id', '=', ticketId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('keeps the complaint out of every Open311 GET, after it was accepted too', async () => {
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${ticketId}/actions/accept`,
      headers: { cookie: ownLiaison },
      payload: {},
    });
    expect(accepted.statusCode).toBe(200);
    const since = encodeURIComponent(new Date(t.clock.now.getTime() - 3600_000).toISOString());

    const answers = await Promise.all(
      [
        `/open311/v2/requests/${receipt.trackingCode}.json`,
        `/open311/v2/requests.json?service_request_id=${receipt.trackingCode}`,
        '/open311/v2/requests.xml',
        `/open311/v2/servicerequestupdates.json?start_date=${since}`,
      ].map((url) => t.app.inject({ url })),
    );

    expect(answers[0]?.statusCode).toBe(404);
    for (const res of answers) {
      expect(res.body).not.toContain(receipt.trackingCode);
    }
  });
});
