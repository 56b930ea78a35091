import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, prepareTestApp, startTestApp, type TestApp } from '../../../test/app.js';
import { buildApp } from '../app.js';
import { deliverDue } from '../notifications/delivery.js';
import type { SmsAdapter, SmsMessage } from '../notifications/adapters.js';

const start = new Date('2025-09-30T15:20:00+08:00');
let t: TestApp;
let phoneSeq = 0;
let addressSeq = 0;

beforeAll(async () => {
  t = await startTestApp(start);
});

afterAll(async () => {
  await t.close();
});

/** A mobile number no other test uses. */
function newPhone(): string {
  phoneSeq += 1;
  return `1370000${String(phoneSeq).padStart(4, '0')}`;
}

/** A client address no other test uses, so the per-address limits stay apart. */
function newAddress(): string {
  addressSeq += 1;
  return `198.51.100.${addressSeq}`;
}

function later(seconds: number): void {
  t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
}

function askCode(phone: string, address: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/mine/code',
    payload: { phone },
    remoteAddress: address,
  });
}

function verify(phone: string, code: string) {
  return t.app.inject({ method: 'POST', url: '/api/public/mine/verify', payload: { phone, code } });
}

/** The newest outbox row of a "my requests" code to this phone. */
async function latestCodeMessage(phone: string) {
  const rows = await t.handle.db
    .selectFrom('outbox')
    .selectAll()
    .where('event', '=', 'verification_code')
    .orderBy('created_at', 'desc')
    .execute();
  const row = rows.find((r) => t.ctx.cipher.decrypt(r.recipient_enc ?? '') === phone);
  if (!row) {
    throw new Error('no code was queued for this phone');
  }
  return row;
}

/** The code the SMS to this phone would carry, read as the outbox worker reads it. */
async function sentCode(phone: string): Promise<string> {
  const row = await latestCodeMessage(phone);
  const payload = JSON.parse(row.payload) as { codeEnc: string };
  return t.ctx.cipher.decrypt(payload.codeEnc);
}

/** A code that differs from the right one. */
function wrong(code: string): string {
  return code === '000000' ? '000001' : '000000';
}

function cookieOf(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === 'linli_mine');
}

describe('asking for a code', () => {
  it('queues an SMS with the code, the number encrypted and nowhere in clear', async () => {
    const phone = newPhone();
    const res = await askCode(phone, newAddress());
    expect(res.statusCode).toBe(202);
    expect(json(res)).toEqual({ resendAfterSeconds: 60, expiresInSeconds: 600 });

    const row = await latestCodeMessage(phone);
    expect(row).toMatchObject({ audience: 'resident', ticket_id: null, status: 'pending' });
    expect(row.recipient_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(t.ctx.cipher.decrypt(row.recipient_enc ?? '')).toBe(phone);
    const code = await sentCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(row)).not.toContain(phone);
    expect(JSON.stringify(row)).not.toContain(code);
    const stored = await t.handle.db.selectFrom('resident_codes').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(stored)).not.toContain(phone);

    const sent: SmsMessage[] = [];
    const adapter: SmsAdapter = {
      kind: 'console',
      send: (message) => {
        sent.push(message);
        return Promise.resolve();
      },
    };
    await deliverDue(t.ctx, t.clock.now, { logger: pino({ level: 'silent' }), adapter });
    expect(sent.find((m) => m.to === phone)?.text).toBe(
      `【邻里】您的验证码是${code}，10分钟内有效，仅用于查询“我的诉求”。如非本人操作，请忽略。`,
    );
  });

  it('answers a phone that never filed anything exactly as one that did', async () => {
    const filer = newPhone();
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: t.demo.samplePlacard.token,
        kind: 'complaint',
        description: '楼下夜里一直有噪音。',
        phone: filer,
      },
    });
    expect(filed.statusCode).toBe(201);
    const known = await askCode(filer, newAddress());
    const unknown = await askCode(newPhone(), newAddress());
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
  });

  it('refuses a malformed phone, naming the field, and sends nothing', async () => {
    const before = await t.handle.db.selectFrom('outbox').select('id').execute();
    const res = await askCode('1370000', newAddress());
    expect(res.statusCode).toBe(400);
    expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe('phone');
    expect(await t.handle.db.selectFrom('outbox').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('accepts the phone as typed: spaces, +86 and full-width digits', async () => {
    const phone = newPhone();
    const typed = `+86 ${phone.slice(0, 3)} ${phone.slice(3)}`.replace(/\d/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    expect((await askCode(typed, newAddress())).statusCode).toBe(202);
    const row = await latestCodeMessage(phone);
    expect(t.ctx.cipher.decrypt(row.recipient_enc ?? '')).toBe(phone);
  });
});

describe('the limits on codes', () => {
  it('allows one code a minute per phone, and says when the next may come', async () => {
    const phone = newPhone();
    expect((await askCode(phone, newAddress())).statusCode).toBe(202);
    later(20);
    const refused = await askCode(phone, newAddress());
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('40');
    const body = json<{ error: string; details: { field: string; message: string }[] }>(refused);
    expect(body.error).toBe('rate_limited');
    expect(body.details[0]).toMatchObject({
      field: 'phone',
      message: '请求过于频繁，请在40秒后再试',
    });
    later(40);
    expect((await askCode(phone, newAddress())).statusCode).toBe(202);
  });

  it('allows five codes an hour per phone; the sixth waits for the first to age out', async () => {
    const phone = newPhone();
    for (let i = 0; i < 5; i += 1) {
      expect((await askCode(phone, newAddress())).statusCode).toBe(202);
      later(61);
    }
    const refused = await askCode(phone, newAddress());
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(3600 - 5 * 61));
    later(3600 - 5 * 61);
    expect((await askCode(phone, newAddress())).statusCode).toBe(202);
  });

  it('allows twenty codes an hour from one address, whatever the phones', async () => {
    const address = newAddress();
    for (let i = 0; i < 20; i += 1) {
      expect((await askCode(newPhone(), address)).statusCode).toBe(202);
    }
    const refused = await askCode(newPhone(), address);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('3600');
    expect((await askCode(newPhone(), newAddress())).statusCode).toBe(202);
  });
});

describe('Sign-in tokens that never expire or can be reused (fault class 8): a code', () => {
  it('opens a session cookie for the right code, only on the my-requests API', async () => {
    const phone = newPhone();
    await askCode(phone, newAddress());
    const res = await verify(phone, await sentCode(phone));
    expect(res.statusCode).toBe(204);
    const cookie = cookieOf(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/public/mine' });
    expect(cookie?.maxAge).toBe(30 * 60);
  });

  it('takes a code once only', async () => {
    const phone = newPhone();
    await askCode(phone, newAddress());
    const code = await sentCode(phone);
    expect((await verify(phone, code)).statusCode).toBe(204);
    const again = await verify(phone, code);
    expect(again.statusCode).toBe(401);
    expect(json(again).error).toBe('verification_failed');
  });

  it('holds a code for 10 minutes and not a moment longer', async () => {
    const phone = newPhone();
    await askCode(phone, newAddress());
    later(9 * 60 + 59);
    expect((await verify(phone, await sentCode(phone))).statusCode).toBe(204);

    later(60);
    await askCode(phone, newAddress());
    later(10 * 60);
    expect((await verify(phone, await sentCode(phone))).statusCode).toBe(401);
  });

  it('kills a code after five wrong tries, even for the right one after them', async () => {
    const phone = newPhone();
    await askCode(phone, newAddress());
    const code = await sentCode(phone);
    for (let i = 0; i < 5; i += 1) {
      expect((await verify(phone, wrong(code))).statusCode).toBe(401);
    }
    expect((await verify(phone, code)).statusCode).toBe(401);
  });

  it('accepts the right code at the fifth try', async () => {
    const phone = newPhone();
    await askCode(phone, newAddress());
    const code = await sentCode(phone);
    for (let i = 0; i < 4; i += 1) {
      await verify(phone, wrong(code));
    }
    expect((await verify(phone, code)).statusCode).toBe(204);
  });

  it('answers a wrong, expired or used code and a phone with none alike', async () => {
    const phone = newPhone();
    await askCode(phone, newAddress());
    const code = await sentCode(phone);
    const bodyOf = (res: LightMyRequestResponse) => {
      const body = json(res);
      delete body.requestId;
      return body;
    };
    const wrongOne = bodyOf(await verify(phone, wrong(code)));
    expect((await verify(phone, code)).statusCode).toBe(204);
    const used = bodyOf(await verify(phone, code));
    const none = bodyOf(await verify(newPhone(), code));
    later(60);
    await askCode(phone, newAddress());
    later(11 * 60);
    const expired = bodyOf(await verify(phone, await sentCode(phone)));
    expect(wrongOne).toEqual({
      error: 'verification_failed',
      message:
        '验证码不正确或已失效，请重新获取 / The code is wrong or no longer valid; ask for a new one',
      details: [
        {
          field: 'code',
          message: '验证码不正确或已失效，请重新获取',
          messageEn: 'wrong or no longer valid; ask again',
        },
      ],
    });
    expect([used, none, expired]).toEqual([wrongOne, wrongOne, wrongOne]);
  });

  it('takes only the newest code of a phone', async () => {
    const phone = newPhone();
    await askCode(phone, newAddress());
    const first = await sentCode(phone);
    later(61);
    await askCode(phone, newAddress());
    const second = await sentCode(phone);
    if (first !== second) {
      expect((await verify(phone, first)).statusCode).toBe(401);
    }
    expect((await verify(phone, second)).statusCode).toBe(204);
  });
});

describe('what the log keeps', () => {
  it('never writes the phone or the code, even at trace level', async () => {
    const lines: string[] = [];
    const logged = await buildApp(t.ctx, {
      logLevel: 'trace',
      logStream: { write: (line: string) => lines.push(line) },
    });
    prepareTestApp(logged, t.ctx);
    const phone = newPhone();
    try {
      await logged.inject({ method: 'POST', url: '/api/public/mine/code', payload: { phone } });
      const code = await sentCode(phone);
      for (const tried of [wrong(code), code]) {
        await logged.inject({
          method: 'POST',
          url: '/api/public/mine/verify',
          payload: { phone, code: tried },
        });
      }
      const log = lines.join('');
      expect(log).toContain('/api/public/mine/verify');
      expect(log).not.toContain(phone);
      expect(log).not.toContain(phone.slice(3));
      expect(log).not.toContain(code);
    } finally {
      await logged.close();
    }
  });
});
