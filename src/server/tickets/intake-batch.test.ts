import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../contract/tickets.js';
import { json, startTestApp, type TestApp } from '../../../test/app.js';
import { verifyAuditChain } from '../audit/service.js';

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  token = t.demo.samplePlacard.token;
});

afterAll(async () => {
  await t.close();
});

function submit(body: Record<string, unknown>, key?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: { placardToken: token, kind: 'complaint', matterCode: 'LDDW', ...body },
    headers: key ? { 'idempotency-key': key } : {},
  });
}

async function counts() {
  const tickets = await t.handle.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('description', 'like', '并发%')
    .executeTakeFirstOrThrow();
  const submits = await t.handle.db
    .selectFrom('audit_entries')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('action', '=', 'ticket.submit')
    .executeTakeFirstOrThrow();
  return { tickets: Number(tickets.n), submits: Number(submits.n) };
}

describe('concurrent intake', () => {
  it('files 200 concurrent submissions: 200 tickets, 200 audit entries, chain intact', async () => {
    const before = await counts();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => submit({ description: `并发提交 ${i}` })),
    );

    expect(answers.map((a) => a.statusCode)).toEqual(Array<number>(200).fill(201));
    const codes = new Set(answers.map((a) => json<Receipt>(a).trackingCode));
    expect(codes.size).toBe(200);
    const after = await counts();
    expect(after.tickets - before.tickets).toBe(200);
    expect(after.submits - before.submits).toBe(200);
    expect(await verifyAuditChain(t.handle.db, t.ctx)).toMatchObject({ ok: true });
  });

  it('files each idempotency key once when every submission is sent twice at once', async () => {
    const before = await counts();
    const keys = Array.from({ length: 50 }, (_, i) => `intake-retry-${String(i).padStart(4, '0')}`);
    const answers = await Promise.all(
      [...keys, ...keys].map((key) => submit({ description: `并发重试 ${key}` }, key)),
    );

    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([...Array<number>(50).fill(200), ...Array<number>(50).fill(201)]);
    keys.forEach((_, i) => {
      const first = json<Receipt>(answers[i] as (typeof answers)[number]);
      const second = json<Receipt>(answers[i + 50] as (typeof answers)[number]);
      expect(second.trackingCode).toBe(first.trackingCode);
    });
    const after = await counts();
    expect(after.tickets - before.tickets).toBe(50);
    expect(after.submits - before.submits).toBe(50);
  });

  it('refuses the one bad submission among good ones and files all the others', async () => {
    const before = await counts();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        submit(
          i === 13
            ? { description: '并发坏件', matterCode: 'NO-SUCH-MATTER' }
            : { description: `并发好件 ${i}` },
        ),
      ),
    );

    const bad = answers[13];
    expect(bad?.statusCode).toBe(422);
    expect(json<{ error: string; details: { field: string }[] }>(bad as never)).toMatchObject({
      error: 'matter_not_found',
      details: [{ field: 'matterCode' }],
    });
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(29);
    const after = await counts();
    expect(after.tickets - before.tickets).toBe(29);
    expect(after.submits - before.submits).toBe(29);
    expect(await verifyAuditChain(t.handle.db, t.ctx)).toMatchObject({ ok: true });
  });

  it('refuses a reused key with other content, without filing a second ticket', async () => {
    const first = await submit({ description: '并发同键 一' }, 'intake-same-key-1');
    const second = await submit({ description: '并发同键 二' }, 'intake-same-key-1');

    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(409);
    expect(json<{ error: string }>(second).error).toBe('idempotency_conflict');
  });

  it('counts a refused submission against its address, as one that is filed', async () => {
    t.ctx.identity = { ...t.ctx.identity, ticketsPerAddressHour: 2 };
    const from = (body: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: { placardToken: token, kind: 'help', description: '并发限额', ...body },
        remoteAddress: '198.51.100.40',
      });
    try {
      // One after another: on PostgreSQL the address's count is locked, so order would be open.
      const refused = await from({ placardToken: 'no-such-placard' });
      const filed = await from({});
      const limited = await from({});

      expect([refused.statusCode, filed.statusCode, limited.statusCode]).toEqual([404, 201, 429]);
      expect(json<{ error: string }>(limited).error).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
    } finally {
      t.ctx.identity = { ...t.ctx.identity, ticketsPerAddressHour: 100_000 };
    }
  });
});
