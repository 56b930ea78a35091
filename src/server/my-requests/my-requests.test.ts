import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyRequestList, ReceiptStatus } from '../../contract/my-requests.js';
import type { Receipt, ResidentTicket } from '../../contract/tickets.js';
import { json, startTestApp, type TestApp } from '../../../test/app.js';

const start = new Date('2025-09-30T15:20:00+08:00');
let t: TestApp;
let addressSeq = 0;

const mine = '13811112222';
const neighbour = '13933334444';
let first: Receipt;
let second: Receipt;
let theirs: Receipt;

function newAddress(): string {
  addressSeq += 1;
  return `203.0.113.${addressSeq}`;
}

function later(seconds: number): void {
  t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
}

async function file(phone: string, kind: string, matterCode?: string): Promise<Receipt> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind,
      description: '楼道里堆满杂物，消防通道被堵。',
      phone,
      ...(matterCode ? { matterCode } : {}),
    },
  });
  if (res.statusCode !== 201) {
    throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  }
  return json<Receipt>(res);
}

/** Asks for a code, reads it from the outbox as the worker would, and returns the cookie. */
async function signIn(phone: string): Promise<string> {
  const asked = await t.app.inject({
    method: 'POST',
    url: '/api/public/mine/code',
    payload: { phone },
    remoteAddress: newAddress(),
  });
  if (asked.statusCode !== 202) {
    throw new Error(`no code: ${asked.statusCode} ${asked.body}`);
  }
  const rows = await t.handle.db
    .selectFrom('outbox')
    .selectAll()
    .where('event', '=', 'verification_code')
    .orderBy('created_at', 'desc')
    .execute();
  const row = rows.find((r) => t.ctx.cipher.decrypt(r.recipient_enc ?? '') === phone);
  const code = t.ctx.cipher.decrypt(
    (JSON.parse(row?.payload ?? '{}') as { codeEnc: string }).codeEnc,
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/mine/verify',
    payload: { phone, code },
  });
  const cookie = res.cookies.find((c) => c.name === 'linli_mine');
  if (res.statusCode !== 204 || !cookie) {
    throw new Error(`verification failed: ${res.statusCode} ${res.body}`);
  }
  return `linli_mine=${cookie.value}`;
}

function list(cookie?: string) {
  return t.app.inject({
    url: '/api/public/mine',
    headers: cookie ? { cookie } : {},
  });
}

function lookUp(code: string, address = '192.0.2.1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/mine/receipt',
    payload: { code },
    remoteAddress: address,
  });
}

const matter = async () =>
  t.handle.db
    .selectFrom('matters')
    .select(['code', 'name'])
    .orderBy('code')
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await startTestApp(start);
  const m = await matter();
  first = await file(mine, 'complaint', m.code);
  later(3600);
  theirs = await file(neighbour, 'report');
  later(3600);
  second = await file(mine, 'consultation');
});

afterAll(async () => {
  await t.close();
});

describe('the requests of a verified phone', () => {
  it('lists every ticket of that phone, newest first, and no one else’s', async () => {
    const res = await list(await signIn(mine));
    expect(res.statusCode).toBe(200);
    const body = json<MyRequestList>(res);
    const m = await matter();
    expect(body.items).toEqual([
      {
        source: 'ticket',
        receiptCode: second.trackingCode,
        kind: 'consultation',
        title: t.demo.samplePlacard.building,
        status: 'submitted',
        createdAt: second.createdAt,
        followPath: second.followPath,
      },
      {
        source: 'ticket',
        receiptCode: first.trackingCode,
        kind: 'complaint',
        title: m.name,
        status: 'submitted',
        createdAt: first.createdAt,
        followPath: first.followPath,
      },
    ]);
    expect(res.body).not.toContain(theirs.trackingCode);
    expect(res.body).not.toContain(mine);
    expect(res.body).not.toContain('楼道里堆满杂物');
    expect(body.sessionExpiresAt).toBe(new Date(t.clock.now.getTime() + 30 * 60_000).toISOString());
  });

  it('links each request to the follow page that opens it', async () => {
    const body = json<MyRequestList>(await list(await signIn(neighbour)));
    expect(body.items.map((i) => i.receiptCode)).toEqual([theirs.trackingCode]);
    const token = body.items[0]?.followPath.replace('/t/', '') ?? '';
    const res = await t.app.inject({ url: `/api/public/tickets/${token}` });
    expect(res.statusCode).toBe(200);
    expect(json<ResidentTicket>(res).trackingCode).toBe(theirs.trackingCode);
  });

  it('shows an empty list to a verified phone that filed nothing', async () => {
    const body = json<MyRequestList>(await list(await signIn('13755556666')));
    expect(body.items).toEqual([]);
  });

  it('asks for verification without a session, after 30 minutes, after logging out', async () => {
    expect((await list()).statusCode).toBe(401);
    expect((await list('linli_mine=made-up')).statusCode).toBe(401);

    later(61);
    const cookie = await signIn(mine);
    later(29 * 60);
    expect((await list(cookie)).statusCode).toBe(200);
    later(60);
    expect(json(await list(cookie)).error).toBe('not_authenticated');

    const next = await signIn(mine);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/public/mine/logout',
      headers: { cookie: next },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'linli_mine')?.value).toBe('');
    expect((await list(next)).statusCode).toBe(401);
  });
});

describe('a request found by its receipt code', () => {
  it('finds the ticket however the code is typed, without its private link', async () => {
    const code = first.trackingCode;
    const fullWidth = code.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const typings = [
      code,
      code.toLowerCase(),
      ` ${code.replace(/-/g, ' ')} `,
      code.replace(/-/g, ''),
      fullWidth,
      code.replace(/-/g, '—'),
    ];
    for (const typed of typings) {
      const res = await lookUp(typed, newAddress());
      expect(res.statusCode, typed).toBe(200);
      expect(json<ReceiptStatus>(res), typed).toEqual({
        source: 'ticket',
        receiptCode: code,
        kind: 'complaint',
        title: (await matter()).name,
        status: 'submitted',
        createdAt: first.createdAt,
      });
    }
    expect((await lookUp(code)).body).not.toContain(first.accessToken);
  });

  it('answers an unknown code with a 404 that says nothing more', async () => {
    const unknown = await lookUp('LL-00000-00000', newAddress());
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown)).toMatchObject({
      error: 'not_found',
      details: [{ field: 'code', message: '没有找到这个回执编号的诉求' }],
    });
    const junk = await lookUp('JY-不存在', newAddress());
    expect(junk.statusCode).toBe(404);
    expect(json(junk).details).toEqual(json(unknown).details);
  });

  it('allows 30 lookups in 10 minutes from one address, found or not', async () => {
    const address = newAddress();
    for (let i = 0; i < 30; i += 1) {
      const res = await lookUp(i % 2 === 0 ? first.trackingCode : `LL-${i}`, address);
      expect(res.statusCode).not.toBe(429);
    }
    const refused = await lookUp(first.trackingCode, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('600');
    expect(json(refused)).toMatchObject({ error: 'rate_limited', details: [{ field: 'code' }] });
    expect((await lookUp(first.trackingCode, newAddress())).statusCode).toBe(200);
    later(600);
    expect((await lookUp(first.trackingCode, address)).statusCode).toBe(200);
  });

  it('refuses an empty or over-long code, naming the field', async () => {
    for (const code of ['', 'L'.repeat(41)]) {
      const res = await lookUp(code, newAddress());
      expect(res.statusCode).toBe(400);
      expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe('code');
    }
  });
});
