import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from '../../../test/app.js';

const cases = path.resolve(import.meta.dirname, '../../../test/cases');

function lines(file: string): string[] {
  return readFileSync(path.join(cases, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as string);
}

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  token = t.demo.samplePlacard.token;
});

afterAll(async () => {
  await t.close();
});

async function ticketCount(): Promise<number> {
  const row = await t.handle.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function expectErrorShape(body: ErrorBody, code: string) {
  expect(body.error).toBe(code);
  expect(body.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
  expect(typeof body.requestId).toBe('string');
}

function submit(payload: unknown) {
  return t.app.inject({ method: 'POST', url: '/api/public/tickets', payload: payload as object });
}

describe('bad input to the ticket form', () => {
  it('names a missing description in Chinese and English and writes nothing', async () => {
    const before = await ticketCount();
    const res = await submit({ placardToken: token, kind: 'complaint' });
    expect(res.statusCode).toBe(400);
    const body = json<ErrorBody>(res);
    expectErrorShape(body, 'validation_failed');
    const issue = body.details?.find((d) => d.field === 'description');
    expect(issue?.message).toBe('必填');
    expect(issue?.messageEn).toBe('is required');
    expect(await ticketCount()).toBe(before);
  });

  it('refuses a description of 2001 characters, counted in code points', async () => {
    const ok = await submit({ placardToken: token, kind: 'help', description: '𠀀'.repeat(2000) });
    expect(ok.statusCode).toBe(201);
    const res = await submit({ placardToken: token, kind: 'help', description: '漏'.repeat(2001) });
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).details?.[0]?.field).toBe('description');
  });

  it('refuses a description of only spaces', async () => {
    const res = await submit({ placardToken: token, kind: 'help', description: '   \t ' });
    expect(json<ErrorBody>(res).details?.[0]).toMatchObject({
      field: 'description',
      message: '不能为空',
    });
  });

  it('names an unknown kind and lists the allowed ones', async () => {
    const res = await submit({ placardToken: token, kind: 'praise', description: 'x' });
    const issue = json<ErrorBody>(res).details?.[0];
    expect(issue?.field).toBe('kind');
    expect(issue?.messageEn).toContain('complaint');
  });

  it('refuses a phone that is not a mobile number, after normalising it', async () => {
    const res = await submit({
      placardToken: token,
      kind: 'help',
      description: 'x',
      phone: '12345',
    });
    expect(json<ErrorBody>(res).details?.[0]?.field).toBe('phone');
    const ok = await submit({
      placardToken: token,
      kind: 'help',
      description: 'x',
      phone: '138\u200B0013\u200D8000',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a seventh photo', async () => {
    const res = await submit({
      placardToken: token,
      kind: 'help',
      description: 'x',
      photoIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    });
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).details?.[0]?.field).toBe('photoIds');
  });

  it('refuses a photo id that was never uploaded', async () => {
    const before = await ticketCount();
    const res = await submit({
      placardToken: token,
      kind: 'help',
      description: 'x',
      photoIds: ['nonexistent'],
    });
    expect(res.statusCode).toBe(404);
    expect(json<ErrorBody>(res).details?.[0]?.field).toBe('photoIds.0');
    expect(await ticketCount()).toBe(before);
  });

  it('refuses an unknown matter', async () => {
    const res = await submit({
      placardToken: token,
      kind: 'help',
      description: 'x',
      matterCode: 'NOPE',
    });
    expect(res.statusCode).toBe(422);
    expect(json<ErrorBody>(res).details?.[0]?.field).toBe('matterCode');
  });

  it('answers an unknown placard with placard_not_found', async () => {
    const res = await submit({ placardToken: 'unknown-token', kind: 'help', description: 'x' });
    expect(res.statusCode).toBe(404);
    expectErrorShape(json<ErrorBody>(res), 'placard_not_found');
    const page = await t.app.inject({ url: '/api/public/placards/unknown-token' });
    expect(page.statusCode).toBe(404);
  });

  it('answers a retired placard with placard_retired', async () => {
    await t.handle.db
      .updateTable('buildings')
      .set({ retired_at: '2025-01-01T00:00:00.000Z' })
      .where('code', '=', '310110016-c02-b01')
      .execute();
    const retired = await t.handle.db
      .selectFrom('buildings')
      .select('placard_token')
      .where('retired_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const page = await t.app.inject({ url: `/api/public/placards/${retired.placard_token}` });
    expect(page.statusCode).toBe(410);
    expectErrorShape(json<ErrorBody>(page), 'placard_retired');
    const res = await submit({
      placardToken: retired.placard_token,
      kind: 'help',
      description: 'x',
    });
    expect(res.statusCode).toBe(410);
  });

  it('answers every malformed JSON body of the corpus with 400 and writes nothing', async () => {
    const before = await ticketCount();
    for (const body of lines('malformed-json.jsonl')) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, body.slice(0, 60)).toBe(400);
      expect(['malformed_json', 'validation_failed', 'bad_request']).toContain(
        json<ErrorBody>(res).error,
      );
    }
    expect(await ticketCount()).toBe(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses a body over the limit with 413, naming the body, and files nothing', async () => {
    const before = await ticketCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: JSON.stringify({ description: 'x'.repeat(300 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    const body = json<ErrorBody>(res);
    expect(body.error).toBe('payload_too_large');
    expect(body.details?.[0]).toEqual({
      field: '(body)',
      message: '超过了大小上限',
      messageEn: 'is larger than allowed',
    });
    expect(await ticketCount()).toBe(before);
  });

  it('answers a wrong content type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: 'description=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expectErrorShape(json<ErrorBody>(res), 'unsupported_media_type');
  });

  it('stores every Unicode case as typed after the documented normalisation', async () => {
    for (const text of lines('unicode.jsonl')) {
      const description = [...text].slice(0, 2000).join('');
      const res = await submit({ placardToken: token, kind: 'suggestion', description });
      if (description.trim().replace(/^\uFEFF/, '') === '') {
        continue;
      }
      expect(res.statusCode, description.slice(0, 20)).toBe(201);
      const view = json<{ description: string }>(
        await t.app.inject({
          url: `/api/public/tickets/${json<{ accessToken: string }>(res).accessToken}`,
        }),
      );
      const expected = description
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .normalize('NFC')
        .trim();
      expect(view.description).toBe(expected);
    }
  });
});

describe('characters no database should store', () => {
  it('refuses a NUL or other control character in any field, naming it', async () => {
    const before = await ticketCount();
    const res = await submit({ placardToken: token, kind: 'help', description: 'a\u0000b' });
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).details?.[0]).toMatchObject({
      field: 'description',
      message: '含有不可见的控制字符',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'adm\u0000in', password: 'x' },
    });
    expect(json<ErrorBody>(login).details?.[0]?.field).toBe('username');
    const param = await t.app.inject({ url: '/api/public/placards/a%00b' });
    expect(json<ErrorBody>(param).details?.[0]?.field).toBe('params.token');
    expect(await ticketCount()).toBe(before);
  });

  it('answers a malformed URL and an over-long path in the documented shape', async () => {
    const bad = await t.app.inject({ url: '/api/public/placards/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    expectErrorShape(json<ErrorBody>(bad), 'bad_request');
    const long = await t.app.inject({ url: `/api/public/placards/${'x'.repeat(5000)}` });
    expect(long.statusCode).toBe(404);
    expectErrorShape(json<ErrorBody>(long), 'not_found');
  });

  it('says what is wrong with page=0', async () => {
    const cookie = await loginAs(t.app, 'admin');
    const res = await t.app.inject({ url: '/api/staff/tickets?page=0', headers: { cookie } });
    expect(json<ErrorBody>(res).details?.[0]).toMatchObject({
      field: 'querystring.page',
      message: '不能小于 1',
      messageEn: 'must be at least 1',
    });
  });
});

describe('bad photos', () => {
  async function upload(file: string, name = file) {
    const bytes = readFileSync(path.join(cases, 'uploads', file));
    return t.app.inject({
      method: 'POST',
      url: '/api/public/photos',
      ...multipartPhoto(bytes, name),
    });
  }

  it('refuses an SVG with a script', async () => {
    const res = await upload('image-onload.svg');
    expect(res.statusCode).toBe(415);
    expectErrorShape(json<ErrorBody>(res), 'photo_type_refused');
  });

  it('refuses text renamed to .jpg', async () => {
    const res = await upload('text-renamed.jpg');
    expect(res.statusCode).toBe(415);
    expect(json<ErrorBody>(res).error).toBe('photo_not_image');
  });

  it('refuses a pixel bomb before decoding it', async () => {
    const res = await upload('pixel-bomb.png');
    expect(res.statusCode).toBe(422);
    expect(json<ErrorBody>(res).error).toBe('photo_too_many_pixels');
  });

  it('refuses a photo over 10 MiB with 413', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1024, 0xff);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/photos',
      ...multipartPhoto(big, 'big.jpg'),
    });
    expect(res.statusCode).toBe(413);
    expect(json<ErrorBody>(res).error).toBe('payload_too_large');
  });

  it('keeps a hostile file name out of storage', async () => {
    const res = await upload('polyglot.jpg', '../../etc/passwd');
    expect(res.statusCode).toBe(201);
    const row = await t.handle.db
      .selectFrom('files')
      .select(['storage_key', 'original_name'])
      .where('id', '=', json<{ id: string }>(res).id)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{30}$/);
    expect(row.original_name).toBe('passwd');
  });

  it('answers a JSON body to the upload with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/photos',
      payload: { file: 'x' },
    });
    expect(res.statusCode).toBe(415);
  });
});
