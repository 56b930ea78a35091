import { createCipheriv, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, prepareTestApp } from '../../../test/app.js';
import {
  application,
  apply,
  openCreditScene,
  uploadMaterial,
  type CreditScene,
} from '../../../test/credit-scene.js';
import { rotateDataKeyCommand } from '../../cli/rotate-data-key.js';
import type { MyRequestList } from '../../contract/my-requests.js';
import { buildApp } from '../app.js';
import type { AppContext } from '../context.js';
import { createDataCipher, type DataCipher } from './data-cipher.js';
import { encryptedTables } from './encrypted-columns.js';
import { keyIdOf, type KeyRing } from './key-ring.js';
import { residentPhoneDigest } from './phone-digest.js';
import { findStaleRows, storedEncryptedColumns } from './store.js';

/** The key the test app writes under (test/app.ts): key 1 of this story. */
const key1 = Buffer.alloc(32, 7);
const key2 = randomBytes(32);
const rotating: KeyRing = { algorithm: 'aes-256-gcm', current: key2, old: [key1], macKey: key1 };
/** Key 1 removed from DATA_KEYS_OLD; it stays only as DATA_MAC_KEY, the digest key. */
const rotated: KeyRing = { ...rotating, old: [] };

let s: CreditScene;
let written: Map<string, string>;
let ticketId: string;

/** The first stored format, as the cipher wrote it before key ids: v1 + iv | tag | body. */
function firstFormat(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** Every encrypted value in the database as stored, by table, row and column. */
async function storedValues(): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const spec of encryptedTables) {
    // No value starts with this prefix, so every row with an encrypted value comes back.
    const rows = await findStaleRows(s.t.handle.db, spec, 'none:', null, 100_000);
    for (const row of rows) {
      const at = `${spec.table} ${spec.key.map((k) => String(row[k])).join('/')}`;
      for (const column of spec.columns) {
        const value = row[column];
        if (typeof value === 'string') {
          all.set(`${at} ${column}`, value);
        }
      }
      const text = spec.json ? row[spec.json.column] : null;
      const inJson = typeof text === 'string' ? (JSON.parse(text) as Record<string, unknown>) : {};
      const field = spec.json ? inJson[spec.json.field] : undefined;
      if (typeof field === 'string') {
        all.set(`${at} ${spec.json?.column}.${spec.json?.field}`, field);
      }
    }
  }
  return all;
}

async function openedValues(cipher: DataCipher): Promise<Map<string, string>> {
  const stored = await storedValues();
  return new Map([...stored].map(([at, value]) => [at, cipher.decrypt(value)]));
}

/** The values and rows per table of a set of stored values. */
function countsOf(values: ReadonlyMap<string, string>) {
  const counts = new Map<string, { values: number; rows: Set<string> }>();
  for (const at of values.keys()) {
    const [table = '', row = ''] = at.split(' ');
    const entry = counts.get(table) ?? { values: 0, rows: new Set<string>() };
    entry.values += 1;
    entry.rows.add(row);
    counts.set(table, entry);
  }
  return counts;
}

async function rotate(keys: KeyRing, batchSize = 2): Promise<{ code: number; text: string }> {
  let text = '';
  const out = { write: (line: string) => (text += line) };
  const code = await rotateDataKeyCommand(s.t.handle, keys, batchSize, out);
  return { code, text };
}

beforeAll(async () => {
  s = await openCreditScene();
  ticketId = await s.acceptedTicket('楼道里堆了很多纸箱，影响通行。');
  // A reporter's name written before key ids existed (the first format) must be carried over too.
  await s.t.handle.db
    .updateTable('ticket_reporters')
    .set({ name_enc: firstFormat(key1, '李四') })
    .where('ticket_id', '=', ticketId)
    .execute();
  s.at('2026-06-15T09:00:00');
  const photo = await uploadMaterial(s.t);
  const applied = await apply(s.t, application([{ item: 'identity', photoId: photo }]));
  expect(applied.statusCode, applied.body).toBe(201);
  const asked = await s.t.app.inject({
    method: 'POST',
    url: '/api/public/mine/code',
    payload: { phone: '13700137000' },
  });
  expect(asked.statusCode, asked.body).toBe(202);
  written = await openedValues(createDataCipher(key1));
});

afterAll(async () => {
  await s.close();
});

describe('rotate-data-key', () => {
  it('re-encrypts every value under key 2 and prints the counts of each table', async () => {
    const tables = countsOf(written);
    expect([...tables.keys()]).toEqual(
      expect.arrayContaining(['ticket_reporters', 'case_parties', 'credit_repairs', 'outbox']),
    );

    const { code, text } = await rotate(rotating);

    expect(code).toBe(0);
    expect(text).toContain(`under key ${keyIdOf(key2)} (aes-256-gcm)`);
    for (const [table, n] of tables) {
      expect(text).toContain(`  ${table}: ${n.values} values in ${n.rows.size} rows\n`);
    }
    expect(text).toContain(`re-encrypted ${written.size} values in `);
  });

  it('leaves every value readable with key 1 removed from the configuration', async () => {
    const cipher = createDataCipher(rotated);
    const stored = await storedValues();
    expect([...stored.values()].every((v) => v.startsWith(cipher.currentPrefix))).toBe(true);
    expect(await openedValues(cipher)).toEqual(written);
    expect(written.get(`ticket_reporters ${ticketId} name_enc`)).toBe('李四');
  });

  it('changes nothing on a second run', async () => {
    const before = await storedValues();

    const { code, text } = await rotate(rotated);

    expect(code).toBe(0);
    expect(text).toContain('re-encrypted 0 values in 0 rows');
    expect(await storedValues()).toEqual(before);
  });

  it('keeps digests and links: the resident still finds and opens the request', async () => {
    const ctx: AppContext = { ...s.t.ctx, cipher: createDataCipher(rotated) };
    const app = await buildApp(ctx, { logLevel: 'silent' });
    const inject = prepareTestApp(app, ctx);
    const reporter = await s.t.handle.db
      .selectFrom('ticket_reporters')
      .select('phone_digest')
      .where('phone_digest', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(reporter.phone_digest).toBe(residentPhoneDigest(ctx.cipher, '13800138000'));

    const asked = await inject({
      method: 'POST',
      url: '/api/public/mine/code',
      payload: { phone: '13912345678' },
    });
    expect(asked.statusCode, asked.body).toBe(202);
    const message = await s.t.handle.db
      .selectFrom('outbox')
      .select(['payload', 'recipient_enc'])
      .where('event', '=', 'verification_code')
      .orderBy('created_at', 'desc')
      .execute();
    const mine = message.find((m) => ctx.cipher.decrypt(m.recipient_enc ?? '') === '13912345678');
    const code = ctx.cipher.decrypt(
      (JSON.parse(mine?.payload ?? '{}') as { codeEnc: string }).codeEnc,
    );
    const verified = await inject({
      method: 'POST',
      url: '/api/public/mine/verify',
      payload: { phone: '13912345678', code },
    });
    expect(verified.statusCode, verified.body).toBe(204);
    const cookie = verified.cookies.find((c) => c.name === 'linli_mine')?.value ?? '';
    const list = json<MyRequestList>(
      await inject({ url: '/api/public/mine', headers: { cookie: `linli_mine=${cookie}` } }),
    );
    const repair = list.items.find((i) => i.followPath.startsWith('/credit/r/'));
    const token = repair?.followPath.slice('/credit/r/'.length) ?? '';
    const status = await inject({ url: `/api/public/credit/r/${token}` });
    expect(status.statusCode, status.body).toBe(200);
    await app.close();
  });

  it('stops at a value of an unknown key, naming it, and resumes once it is given', async () => {
    const key3 = randomBytes(32);
    const stray = await s.t.handle.db.selectFrom('staff').select('id').executeTakeFirstOrThrow();
    await s.t.handle.db
      .updateTable('staff')
      .set({ mobile_enc: createDataCipher(key3).encrypt('13600136000') })
      .where('id', '=', stray.id)
      .execute();

    const refused = await rotate(rotated);
    const resumed = await rotate({ ...rotated, old: [key3] });

    expect(refused.code).toBe(1);
    expect(refused.text).toContain(`staff (${stray.id}): the value was written under key`);
    expect(refused.text).toContain(keyIdOf(key3));
    expect(resumed.code).toBe(0);
    expect(resumed.text).toContain('  staff: 1 values in 1 rows\n');
    const row = await s.t.handle.db
      .selectFrom('staff')
      .select('mobile_enc')
      .where('id', '=', stray.id)
      .executeTakeFirstOrThrow();
    expect(createDataCipher(rotated).decrypt(row.mobile_enc ?? '')).toBe('13600136000');
  });

  it('moves every value to SM4-CTR with HMAC-SM3 when DATA_CIPHER says so', async () => {
    const sm4: KeyRing = {
      algorithm: 'sm4-ctr-hmac-sm3',
      current: randomBytes(32),
      old: [key2],
      macKey: key1,
    };
    const before = await openedValues(createDataCipher(rotated));

    const { code } = await rotate(sm4, 50);

    expect(code).toBe(0);
    const cipher = createDataCipher({ ...sm4, old: [] });
    expect(cipher.currentPrefix).toMatch(/^v2:sm4-ctr-hmac-sm3:[0-9a-f]{8}:$/);
    expect([...(await storedValues()).values()].every((v) => v.startsWith('v2:sm4-'))).toBe(true);
    expect(await openedValues(cipher)).toEqual(before);
  });

  it('knows every column ending in _enc that the database has', async () => {
    const listed = encryptedTables.flatMap((t) => t.columns.map((c) => `${t.table}.${c}`));
    const stored = await storedEncryptedColumns(s.t.handle.db, s.t.handle.kind);
    expect(stored).toEqual(listed.sort());
  });
});
