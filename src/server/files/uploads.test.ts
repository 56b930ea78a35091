import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Placard } from '../../contract/org.js';
import type { Receipt, ResidentTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from '../../../test/app.js';
import { firstPlacardLiaison } from '../../../test/faults/placard-liaison.js';
import { storageKeyPattern } from './storage.js';

// Issue 8, point 5: uploads, clause by clause, as a resident and a reviewer would check them.

const uploads = path.resolve(import.meta.dirname, '../../../test/cases/uploads');
const caseFile = (name: string) => readFileSync(path.join(uploads, name));

let t: TestApp;
let placard: Placard;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  const token = t.demo.samplePlacard.token;
  placard = json<Placard>(await t.app.inject({ url: `/api/public/placards/${token}` }));
});

afterAll(async () => {
  await t.close();
});

function upload(bytes: Buffer, filename: string, mime = 'image/jpeg') {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/photos',
    ...multipartPhoto(bytes, filename, mime),
  });
}

async function uploadedId(bytes: Buffer, filename: string): Promise<string> {
  const res = await upload(bytes, filename);
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res).id;
}

async function fileRow(id: string) {
  return t.handle.db
    .selectFrom('files')
    .select(['storage_key', 'original_name', 'mime'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function ticketWithPhoto(photoId: string): Promise<Receipt> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'complaint',
      matterCode: placard.matters[0]?.code,
      description: '垃圾桶满了没人清，照片在附件里。',
      photoIds: [photoId],
    },
  });
  expect(res.statusCode).toBe(201);
  return json<Receipt>(res);
}

async function staffTicketId(cookie: string, trackingCode: string): Promise<string> {
  const list = json<TicketList>(
    await t.app.inject({
      url: `/api/staff/tickets?q=${trackingCode}&status=all`,
      headers: { cookie },
    }),
  );
  return list.items.find((i) => i.trackingCode === trackingCode)?.id ?? '';
}

async function pngBytes(): Promise<Buffer> {
  const image = sharp({ create: { width: 30, height: 20, channels: 3, background: '#c33' } });
  return image.png().toBuffer();
}

describe('Upload reaching a shell or delegate (fault class 6): the type is the content’s', () => {
  it('takes a PNG named .jpg and stores it as a re-encoded JPEG of the same size', async () => {
    const res = await upload(await pngBytes(), 'photo.jpg');

    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ width: 30, height: 20 });
    expect((await fileRow(json<{ id: string }>(res).id)).mime).toBe('image/jpeg');
  });

  it.each([
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>'), 'photo_type_refused'],
    ['SVG with an onload script', caseFile('image-onload.svg'), 'photo_type_refused'],
    ['Chinese text', caseFile('text-renamed.jpg'), 'photo_not_image'],
  ])(
    'refuses %s named .jpg and sent as image/jpeg with 415 on the file field',
    async (_, bytes, code) => {
      const res = await upload(bytes, 'photo.jpg', 'image/jpeg');

      expect(res.statusCode).toBe(415);
      expect(json(res)).toMatchObject({ error: code, details: [{ field: 'file' }] });
    },
  );

  it('keeps only the picture of a JPEG-HTML-PHP polyglot: neither trailer is stored', async () => {
    const input = caseFile('polyglot.jpg');
    const id = await uploadedId(input, 'polyglot.jpg');

    const stored = await t.ctx.storage.get((await fileRow(id)).storage_key);
    expect(input.includes('<?php')).toBe(true);
    expect(stored?.includes('<?php')).toBe(false);
    expect(stored?.includes('<html')).toBe(false);
    expect(stored?.includes('<script')).toBe(false);
  });
});

describe('uploads: size and pixel limits', () => {
  it('refuses a file over 10 MiB with 413 naming the file field, and stores nothing', async () => {
    const before = await t.handle.db.selectFrom('files').select('id').execute();
    const big = Buffer.concat([await pngBytes(), Buffer.alloc(10 * 1024 * 1024 + 1)]);

    const res = await upload(big, 'big.jpg');

    expect(res.statusCode).toBe(413);
    expect(json(res)).toMatchObject({ error: 'payload_too_large', details: [{ field: 'file' }] });
    const after = await t.handle.db.selectFrom('files').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('refuses the 74-byte 50 000 × 50 000 pixel bomb with 422 before decoding it', async () => {
    const rssBefore = process.memoryUsage().rss;

    const res = await upload(caseFile('pixel-bomb.png'), 'bomb.png', 'image/png');

    expect(res.statusCode).toBe(422);
    expect(json(res)).toMatchObject({
      error: 'photo_too_many_pixels',
      details: [{ field: 'file' }],
    });
    // Decoding 2.5 gigapixels would take gigabytes; refusing from the header takes next to none.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('uploads: re-encoded with sharp, orientation kept, EXIF and GPS removed', () => {
  it('stores different bytes, upright at 48 × 64, with no EXIF, GPS or camera names', async () => {
    const input = caseFile('photo-exif-gps.jpg');
    const id = await uploadedId(input, 'IMG_0001.jpg');

    const stored = (await t.ctx.storage.get((await fileRow(id)).storage_key)) ?? Buffer.alloc(0);
    expect(stored.equals(input)).toBe(false);
    const before = await sharp(input).metadata();
    const after = await sharp(stored).metadata();
    expect([before.orientation, before.width, before.height]).toEqual([6, 64, 48]);
    expect([after.format, after.width, after.height]).toEqual(['jpeg', 48, 64]);
    expect(before.exif).toBeDefined();
    expect([after.exif, after.orientation, after.icc, after.xmp]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    for (const text of ['GPS', 'ExampleCam', 'Resident Name']) {
      expect(stored.includes(text), `stored bytes hold ${text}`).toBe(false);
    }
  });
});

describe('uploads: stored under generated names', () => {
  const hostileNames = readFileSync(path.join(uploads, '../filenames.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as string)
    .slice(0, 8)
    .map((name) => [JSON.stringify(name).slice(0, 40), name]);

  it.each(hostileNames)('keeps nothing of the name %s in the storage key', async (_, name) => {
    const id = await uploadedId(caseFile('photo-exif-gps.jpg'), name);

    const row = await fileRow(id);
    expect(row.storage_key).toMatch(storageKeyPattern);
    expect(row.original_name).not.toMatch(/[/\\]/);
    expect(row.original_name.includes('\0')).toBe(false);
    expect(await t.ctx.storage.get(row.storage_key)).not.toBeNull();
  });
});

describe('uploads: served with nosniff, a locked-down CSP and a download name', () => {
  it('serves it as image/jpeg with nosniff, default-src none and an inline name', async () => {
    const photoId = await uploadedId(caseFile('photo-exif-gps.jpg'), '楼道 照片.jpg');
    const receipt = await ticketWithPhoto(photoId);

    const res = await t.app.inject({
      url: `/api/public/tickets/${receipt.accessToken}/photos/${photoId}`,
    });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="_ _.jpg"; filename*=UTF-8''${encodeURIComponent('楼道 照片.jpg')}`,
    );
  });
});

describe('Signed links without a session (fault class 12): served to who may see it', () => {
  let receipt: Receipt;
  let photoId: string;
  let ticketId: string;
  let liaison: string;

  beforeAll(async () => {
    photoId = await uploadedId(caseFile('photo-exif-gps.jpg'), 'IMG_0002.jpg');
    receipt = await ticketWithPhoto(photoId);
    liaison = await loginAs(t.app, await firstPlacardLiaison(t));
    ticketId = await staffTicketId(liaison, receipt.trackingCode);
  });

  it('serves the photo to the room’s liaison and to the reporter through the receipt', async () => {
    const staff = await t.app.inject({
      url: `/api/staff/tickets/${ticketId}/photos/${photoId}`,
      headers: { cookie: liaison },
    });
    const reporter = await t.app.inject({
      url: `/api/public/tickets/${receipt.accessToken}/photos/${photoId}`,
    });

    expect([staff.statusCode, reporter.statusCode]).toEqual([200, 200]);
    expect(staff.rawPayload.equals(reporter.rawPayload)).toBe(true);
  });

  it('answers 401 to a caller without a session on the staff link', async () => {
    const res = await t.app.inject({ url: `/api/staff/tickets/${ticketId}/photos/${photoId}` });

    expect(res.statusCode).toBe(401);
    expect(json(res).error).toBe('not_authenticated');
  });

  it('answers 404 to another street’s liaison and admin holding the copied link', async () => {
    for (const username of ['dinghai.1', 'dinghai.admin']) {
      const other = await loginAs(t.app, username);
      const res = await t.app.inject({
        url: `/api/staff/tickets/${ticketId}/photos/${photoId}`,
        headers: { cookie: other },
      });

      expect(res.statusCode, username).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('answers 404 through another receipt and through an unknown one', async () => {
    const otherReceipt = await ticketWithPhoto(
      await uploadedId(caseFile('photo-exif-gps.jpg'), 'IMG_0003.jpg'),
    );
    const viaOther = await t.app.inject({
      url: `/api/public/tickets/${otherReceipt.accessToken}/photos/${photoId}`,
    });
    const unknown = await t.app.inject({
      url: `/api/public/tickets/${'A'.repeat(receipt.accessToken.length)}/photos/${photoId}`,
    });

    expect([viaOther.statusCode, unknown.statusCode]).toEqual([404, 404]);
    const view = json<ResidentTicket>(
      await t.app.inject({ url: `/api/public/tickets/${otherReceipt.accessToken}` }),
    );
    expect(view.photos.map((p) => p.id)).not.toContain(photoId);
  });
});
