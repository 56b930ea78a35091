import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt, ResidentTicket } from '../../contract/tickets.js';
import {
  json,
  loginAs,
  multipartPhoto,
  prepareTestApp,
  startTestApp,
  type TestApp,
} from '../../../test/app.js';
import { startFakeS3, type FakeS3 } from '../../../test/s3-fake.js';
import { buildApp } from '../app.js';
import { S3FileStorage } from './s3-storage.js';

const uploads = path.resolve(import.meta.dirname, '../../../test/cases/uploads');

/** The username of the first liaison of the demo placard's room. */
async function roomLiaison(app: TestApp): Promise<string> {
  const row = await app.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select('staff.username')
    .where('buildings.placard_token', '=', app.demo.samplePlacard.token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  return row.username;
}

// Two app instances on one database and one bucket, neither with a file of its own on disk.
describe('photo routes with files on S3-compatible storage', () => {
  let t: TestApp;
  let s3: FakeS3;
  let first: FastifyInstance;
  let second: FastifyInstance;
  const storages: S3FileStorage[] = [];

  function s3Storage(): S3FileStorage {
    const storage = new S3FileStorage({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      bucket: 'linli-files',
      accessKeyId: 'LINLITESTKEY',
      secretAccessKey: 'test-secret-not-real',
      forcePathStyle: true,
      prefix: '',
    });
    storages.push(storage);
    return storage;
  }

  beforeAll(async () => {
    t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
    s3 = await startFakeS3('linli-files');
    first = await buildApp({ ...t.ctx, storage: s3Storage() }, { logLevel: 'silent' });
    second = await buildApp({ ...t.ctx, storage: s3Storage() }, { logLevel: 'silent' });
    prepareTestApp(first, t.ctx);
    prepareTestApp(second, t.ctx);
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    for (const storage of storages) {
      storage.close();
    }
    await s3.close();
    await t.close();
  });

  it('uploads on one instance and serves the re-encoded photo on the other', async () => {
    const bytes = readFileSync(path.join(uploads, 'photo-exif-gps.jpg'));
    const upload = await first.inject({
      method: 'POST',
      url: '/api/public/photos',
      ...multipartPhoto(bytes, 'IMG_0001.jpg'),
    });
    expect(upload.statusCode).toBe(201);
    const photo = json<{ id: string; width: number; height: number }>(upload);
    expect([photo.width, photo.height]).toEqual([48, 64]);

    const puts = s3.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=LINLITESTKEY\//);
    const [stored] = [...s3.objects.values()];
    expect(stored?.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(stored?.includes(Buffer.from('Exif'))).toBe(false);

    const submitted = await first.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: t.demo.samplePlacard.token,
        kind: 'report',
        description: '楼道里堆满杂物，消防通道被堵。',
        photoIds: [photo.id],
        phone: '13800138000',
      },
    });
    expect(submitted.statusCode).toBe(201);
    const receipt = json<Receipt>(submitted);

    const view = json<ResidentTicket>(
      await second.inject({ url: `/api/public/tickets/${receipt.accessToken}` }),
    );
    const photoId = view.photos[0]?.id ?? '';
    const served = await second.inject({
      url: `/api/public/tickets/${receipt.accessToken}/photos/${photoId}`,
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.equals(stored ?? Buffer.alloc(0))).toBe(true);

    const ticket = await t.handle.db
      .selectFrom('tickets')
      .select('id')
      .where('tracking_code', '=', receipt.trackingCode)
      .executeTakeFirstOrThrow();
    const cookie = await loginAs(second, await roomLiaison(t));
    const staffView = await second.inject({
      url: `/api/staff/tickets/${ticket.id}/photos/${photoId}`,
      headers: { cookie },
    });
    expect(staffView.statusCode).toBe(200);
    expect(staffView.rawPayload.equals(stored ?? Buffer.alloc(0))).toBe(true);
  });

  it('answers 404 when the object has gone from the bucket', async () => {
    const bytes = readFileSync(path.join(uploads, 'photo-exif-gps.jpg'));
    const upload = await first.inject({
      method: 'POST',
      url: '/api/public/photos',
      ...multipartPhoto(bytes, 'IMG_0002.jpg'),
    });
    const photo = json<{ id: string }>(upload);
    const submitted = await first.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: t.demo.samplePlacard.token,
        kind: 'help',
        description: '门口的井盖松动了。',
        photoIds: [photo.id],
      },
    });
    const receipt = json<Receipt>(submitted);
    s3.objects.clear();

    const served = await second.inject({
      url: `/api/public/tickets/${receipt.accessToken}/photos/${photo.id}`,
    });
    expect(served.statusCode).toBe(404);
    expect(json(served).error).toBe('photo_not_found');
  });
});
