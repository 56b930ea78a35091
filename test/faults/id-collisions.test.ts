// Fault class 21 of RELIABILITY §4 (Decidim CVE-2025-65017: colliding export ids leaked private
// data): ids come from the CSPRNG in Crockford base32, a million of them are all distinct, every
// character is equally likely, and the database refuses a second row with a taken id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, newPlacardToken } from '../../src/server/ids.js';
import { createPlacardScene, openTestDatabase } from '../factories.js';
import type { DatabaseHandle } from '../../src/server/db/database.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe('id collisions (fault class 21)', () => {
  it('gives 1,000,000 distinct ids of 20 base32 characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1_000_000; i += 1) {
      seen.add(newId());
    }
    expect(seen.size).toBe(1_000_000);
    for (const id of [...seen].slice(0, 1000)) {
      expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{20}$/);
    }
  }, 120_000);

  it('uses every one of the 32 characters about equally often', () => {
    const counts = new Map<string, number>();
    const n = 20_000;
    for (let i = 0; i < n; i += 1) {
      for (const c of newPlacardToken()) {
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(32);
    const expected = (n * 16) / 32;
    // Chi-square with 31 degrees of freedom: 70 is far beyond the 99.99th percentile (~61).
    const chi = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(70);
  });

  it('refuses a second building with a taken id or placard token', async () => {
    const scene = await createPlacardScene(handle.db);
    const { id, placard_token: token } = scene.building;
    const copy = { ...scene.building, code: `${scene.building.code}-2` };
    await expect(handle.db.insertInto('buildings').values(copy).execute()).rejects.toThrow();
    await expect(
      handle.db
        .insertInto('buildings')
        .values({ ...copy, id: newId(), placard_token: token })
        .execute(),
    ).rejects.toThrow();
    const rows = await handle.db
      .selectFrom('buildings')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', id), eb('placard_token', '=', token)]))
      .execute();
    expect(rows).toEqual([{ id }]);
  });
});
