import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityOpsOrder } from '../../contract/city-ops.js';
import type { StaffTicket } from '../../contract/tickets.js';
import { CityOpsSimulator } from '../../../test/city-ops-simulator.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { accessTokenOf } from '../tickets/intake.js';
import { deliverCityOps } from './delivery.js';
import * as store from './store.js';

const secret = 'a-shared-secret-of-the-platform-0123456789';
let t: TestApp;
let sim: CityOpsSimulator;
let baseUrl: string;
let area: { streetCode: string; communityCode: string; buildingCode: string };
let liaison: string;
let serial = 0;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-12-03T09:00:00+08:00'));
  sim = new CityOpsSimulator(secret, () => t.clock.now);
  await sim.start();
  t.ctx.cityOps = {
    secret,
    callbackUrl: sim.callbackUrl,
    replayWindowSeconds: 300,
    maxAttempts: 3,
  };
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const place = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['streets.code as street', 'communities.code as community', 'buildings.code'])
    .select('staff.username')
    .where('buildings.placard_token', '=', t.demo.samplePlacard.token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  area = { streetCode: place.street, communityCode: place.community, buildingCode: place.code };
  liaison = place.username;
});

afterAll(async () => {
  await sim.stop();
  await t.close();
});

function order(overrides: Partial<CityOpsOrder> = {}): CityOpsOrder {
  serial += 1;
  return {
    type: 'order.created',
    orderId: `SH12345-20261203-${String(serial).padStart(6, '0')}`,
    kind: 'complaint',
    content: '小区门口夜间施工噪声扰民',
    area,
    caller: { phone: '13912345678' },
    receivedAt: '2026-12-03T08:40:00+08:00',
    deadline: '2026-12-08T17:00:00+08:00',
    ...overrides,
  };
}

async function ticketOf(trackingCode: string) {
  return t.handle.db
    .selectFrom('tickets')
    .innerJoin('ticket_reporters', 'ticket_reporters.ticket_id', 'tickets.id')
    .selectAll('tickets')
    .select(['ticket_reporters.phone_masked', 'ticket_reporters.phone_enc'])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirstOrThrow();
}

async function countTickets() {
  const row = await t.handle.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function step(id: string, action: string, payload: object = {}) {
  const cookie = await loginAs(t.app, liaison);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${id}/actions/${action}`,
    payload,
    headers: { cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return json<StaffTicket>(res);
}

/** Runs worker rounds, moving the clock past each backoff, until nothing is left to send. */
async function deliverAll(rounds = 12) {
  for (let i = 0; i < rounds; i += 1) {
    await deliverCityOps(t.ctx, t.clock.now, { logger: t.app.log, workerId: 'test-worker' });
    t.clock.now = new Date(t.clock.now.getTime() + 61 * 60_000);
  }
}

describe('inbound work orders', () => {
  it('files a signed order as a 12345 ticket: platform deadline, caller hidden', async () => {
    const sent = order();
    const res = await sim.send(baseUrl, sent);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ orderId: sent.orderId, duplicate: false });
    expect(res.body.resolveDueAt).toBe('2026-12-08T09:00:00.000Z');

    const ticket = await ticketOf(String(res.body.trackingCode));
    expect(ticket.channel).toBe('12345');
    expect(ticket.tier).toBe('community');
    expect(ticket.resolve_due_at).toBe('2026-12-08T09:00:00.000Z');
    expect(String(ticket.first_contact_due_at) <= ticket.resolve_due_at).toBe(true);
    expect(ticket.phone_masked).toBe('139****5678');
    expect(ticket.phone_enc).not.toContain('13912345678');
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_id'])
      .where('record_id', '=', ticket.id)
      .execute();
    expect(audit).toContainEqual({ action: 'ticket.submit', actor_id: 'city-ops' });
  });

  it('keeps our own deadline when the platform gives none', async () => {
    const res = await sim.send(baseUrl, order({ deadline: undefined }));
    expect(res.status).toBe(201);
    const ticket = await ticketOf(String(res.body.trackingCode));
    expect(ticket.resolve_due_at).not.toBe('2026-12-08T09:00:00.000Z');
    expect(ticket.resolve_due_at > ticket.created_at).toBe(true);
  });

  it('files each order once, however often and in whatever order it comes', async () => {
    const orders = [order(), order(), order()];
    const before = await countTickets();
    const answers = await sim.sendWithRetries(baseUrl, orders, 4);
    expect(await countTickets()).toBe(before + 3);
    for (const sent of orders) {
      const results = answers.get(sent.orderId) ?? [];
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.trackingCode)).size).toBe(1);
    }
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const later = await sim.send(baseUrl, orders[0] as CityOpsOrder);
    expect(later).toMatchObject({ status: 200, body: { duplicate: true } });
  });

  it('refuses the same order number with other content, naming the field', async () => {
    const first = order();
    await sim.send(baseUrl, first);
    const before = await countTickets();
    const res = await sim.send(baseUrl, { ...first, content: '另一件事' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'idempotency_conflict' });
    expect(JSON.stringify(res.body.details)).toContain('orderId');
    expect(await countTickets()).toBe(before);
  });

  it('refuses a wrong signature, an old timestamp, no signature; files nothing', async () => {
    const before = await countTickets();
    const wrong = await sim.send(baseUrl, order(), { secret: 'another-secret-another-secret-000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('signature_invalid');
    expect(JSON.stringify(wrong.body.details)).toContain('x-cityops-signature');
    const old = new Date(t.clock.now.getTime() - 301_000);
    const replayed = await sim.send(baseUrl, order(), { signedAt: old });
    expect(replayed.status).toBe(401);
    expect(JSON.stringify(replayed.body.details)).toContain('x-cityops-timestamp');
    const body = JSON.stringify(order());
    const res = await fetch(`${baseUrl}/api/integrations/city-ops/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cityops-timestamp': '1' },
      body,
    });
    expect(res.status).toBe(401);
    expect(await countTickets()).toBe(before);
  });

  it('refuses an unknown street or community with the field named, in both languages', async () => {
    const before = await countTickets();
    const street = await sim.send(baseUrl, order({ area: { ...area, streetCode: '999999' } }));
    expect(street.status).toBe(400);
    expect(street.body.details).toEqual([
      {
        field: 'area.streetCode',
        message: '街道编码没有对应的街道',
        messageEn: 'no street has this code',
      },
    ]);
    const community = await sim.send(
      baseUrl,
      order({ area: { streetCode: area.streetCode, communityCode: 'nope' } }),
    );
    expect(community.status).toBe(400);
    expect(JSON.stringify(community.body.details)).toContain('area.communityCode');
    const bad = await sim.send(baseUrl, { ...order(), kind: 'gossip' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('kind');
    expect(await countTickets()).toBe(before);
  });

  it('answers 503 while no shared secret is configured', async () => {
    t.ctx.cityOps = { ...t.ctx.cityOps, secret: null };
    const res = await sim.send(baseUrl, order());
    t.ctx.cityOps = { ...t.ctx.cityOps, secret };
    expect(res.status).toBe(503);
  });
});

describe('callbacks to the platform', () => {
  it('reports accept, contact and reply in order, retrying the refused ones', async () => {
    const sent = order();
    const filed = await sim.send(baseUrl, sent);
    const ticket = await ticketOf(String(filed.body.trackingCode));
    await step(ticket.id, 'accept');
    await step(ticket.id, 'contact', { method: 'phone' });
    await step(ticket.id, 'resolve', {
      outcome: 'answered',
      reply: '已责令施工方停止夜间施工',
      assessment: 'solved',
    });
    sim.refuseNext = 2;
    await deliverAll();

    const mine = sim.received.filter((r) => r.callback.orderId === sent.orderId);
    expect(mine.every((r) => r.signatureOk)).toBe(true);
    const taken = mine.filter((r) => r.status === 200).map((r) => r.callback);
    expect(taken.map((c) => [c.sequence, c.event])).toEqual([
      [1, 'accepted'],
      [2, 'contacted'],
      [3, 'replied'],
    ]);
    expect(mine.filter((r) => r.status === 503)).toHaveLength(2);
    expect(sim.latest.get(sent.orderId)).toMatchObject({
      sequence: 3,
      text: '已责令施工方停止夜间施工',
      state: { status: 'resolved', reply: '已责令施工方停止夜间施工', outcome: 'answered' },
    });
    const rows = await store.listMessagesOfOrder(t.handle.db, sent.orderId);
    expect(rows.map((r) => [r.sequence, r.status, r.attempts])).toEqual([
      [1, 'sent', 3],
      [2, 'sent', 1],
      [3, 'sent', 1],
    ]);
  });

  it('sends the closure with the resident rating, and a return with its reason', async () => {
    const rated = order();
    const filed = await sim.send(baseUrl, rated);
    const ticket = await ticketOf(String(filed.body.trackingCode));
    await step(ticket.id, 'accept');
    await step(ticket.id, 'contact', { method: 'visit' });
    await step(ticket.id, 'resolve', {
      outcome: 'corrected',
      reply: '已整改',
      assessment: 'solved',
    });
    const rating = await t.app.inject({
      method: 'POST',
      url: `/api/public/tickets/${accessTokenOf(t.ctx, ticket.id)}/rating`,
      payload: { rating: 'satisfied' },
    });
    expect(rating.statusCode, rating.body).toBe(200);

    const returned = order();
    const other = await ticketOf(String((await sim.send(baseUrl, returned)).body.trackingCode));
    await step(other.id, 'send_back', { reason: '不属于本社区管辖' });
    await deliverAll(3);

    expect(sim.latest.get(rated.orderId)).toMatchObject({
      sequence: 4,
      event: 'closed',
      state: { status: 'closed', rating: 'satisfied', reply: '已整改' },
    });
    expect(sim.latest.get(returned.orderId)).toMatchObject({
      sequence: 1,
      event: 'returned',
      text: '不属于本社区管辖',
      state: { status: 'returned', returnReason: '不属于本社区管辖' },
    });
  });

  it('gives up after the last attempt and lets the later states through', async () => {
    const sent = order();
    const ticket = await ticketOf(String((await sim.send(baseUrl, sent)).body.trackingCode));
    await step(ticket.id, 'accept');
    sim.refuseNext = 3;
    await deliverAll(3);
    await step(ticket.id, 'contact', { method: 'phone' });
    await deliverAll(2);
    const rows = await store.listMessagesOfOrder(t.handle.db, sent.orderId);
    expect(rows.map((r) => [r.sequence, r.status, r.attempts, r.last_error])).toEqual([
      [1, 'failed', 3, 'platform answered HTTP 503'],
      [2, 'sent', 1, null],
    ]);
    expect(sim.latest.get(sent.orderId)?.state.status).toBe('contacted');
  });

  it('queues each event once when two instances relay at the same time', async () => {
    const sent = order();
    const ticket = await ticketOf(String((await sim.send(baseUrl, sent)).body.trackingCode));
    await step(ticket.id, 'accept');
    const options = (workerId: string) => ({ logger: t.app.log, workerId });
    await Promise.all([
      deliverCityOps(t.ctx, t.clock.now, options('a')),
      deliverCityOps(t.ctx, t.clock.now, options('b')),
    ]);
    const rows = await store.listMessagesOfOrder(t.handle.db, sent.orderId);
    expect(rows.map((r) => [r.sequence, r.event, r.status])).toEqual([[1, 'accepted', 'sent']]);
    const arrivals = sim.received.filter((r) => r.callback.orderId === sent.orderId);
    expect(arrivals).toHaveLength(1);
  });
});
