// F2 of the fault plan: the disk is full. When the photo directory cannot take a file, or the
// SQLite database cannot grow, the request is answered 503 with Retry-After (never a 500),
// nothing half-written is kept, and once there is room the same request succeeds.
// The database part caps SQLite's page count (PRAGMA max_page_count), which fails the next write
// exactly as a full disk does; PostgreSQL's own disk-full (53100) is mapped alike but not
// provoked here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from '../../src/server/files/storage.js';
import { json, multipartPhoto, startTestApp, type TestApp } from '../app.js';

const photo = readFileSync(
  path.resolve(import.meta.dirname, '../cases/uploads/photo-exif-gps.jpg'),
);

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-14T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

/** The app's storage, refusing writes with ENOSPC while `full` is set. */
function fillableStorage(inner: FileStorage) {
  const state = { full: true, writes: 0 };
  const storage: FileStorage = {
    put(key, bytes) {
      if (state.full) {
        const error = Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
        return Promise.reject(error);
      }
      state.writes += 1;
      return inner.put(key, bytes);
    },
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
  };
  return { storage, state };
}

function upload() {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/photos',
    ...multipartPhoto(photo, 'IMG_0300.jpg'),
  });
}

function submit(key: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    headers: { 'idempotency-key': key },
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'help',
      description: '消防栓箱门坏了，关不上。',
    },
  });
}

describe('disk full (F2)', () => {
  it('answers an upload 503 while the photo store is full, 201 once there is room', async () => {
    const inner = t.ctx.storage;
    const { storage, state } = fillableStorage(inner);
    t.ctx.storage = storage;
    const before = await t.handle.db.selectFrom('files').select('id').execute();
    try {
      const full = await upload();

      expect(full.statusCode).toBe(503);
      expect(json(full).error).toBe('service_unavailable');
      expect(full.headers['retry-after']).toBe('5');
      expect(await t.handle.db.selectFrom('files').select('id').execute()).toHaveLength(
        before.length,
      );

      state.full = false;
      const roomAgain = await upload();

      expect(roomAgain.statusCode).toBe(201);
      expect(state.writes).toBe(1);
    } finally {
      t.ctx.storage = inner;
    }
  });

  it.skipIf(process.env.LINLI_TEST_DB === 'postgres')(
    'answers a submission 503 when SQLite cannot grow, and files it once afterwards',
    async () => {
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(t.handle.db);
      await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 0}`).execute(t.handle.db);
      let refusedKey = '';
      let refused;
      let reading;
      try {
        // The free pages fill up within a few tickets; the next one needs a page the cap refuses.
        for (let i = 0; i < 400 && !refused; i += 1) {
          const res = await submit(`disk-full-${i}`);
          if (res.statusCode !== 201) {
            [refused, refusedKey] = [res, `disk-full-${i}`];
          }
        }
        reading = await t.app.inject({ url: `/api/public/placards/${t.demo.samplePlacard.token}` });
      } finally {
        await sql.raw('pragma max_page_count = 1073741823').execute(t.handle.db);
      }

      expect(refused?.statusCode).toBe(503);
      expect(refused?.headers['retry-after']).toBe('5');
      expect(refused && json(refused).error).toBe('service_unavailable');
      expect(reading.statusCode).toBe(200);
      const retried = await submit(refusedKey);
      expect(retried.statusCode).toBe(201);
      const ofKey = await t.handle.db
        .selectFrom('tickets')
        .select('id')
        .where('idempotency_key', '=', refusedKey)
        .execute();
      expect(ofKey).toHaveLength(1);
    },
  );
});
