// F2 of the fault plan: the disk is full. When the photo directory cannot take a file, or the
// SQLite database cannot grow, the request is answered 503 with Retry-After (never a 500),
// nothing half-written is kept, and once there is room the same request succeeds.
// The database part is in disk-full-database.sqlite.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
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
});
