import { sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/factories.js';
import type { DatabaseHandle } from './database.js';
import { groupCommitOf, MAX_BATCH } from './group-commit.js';
import type { Database } from './schema.js';

let handle: DatabaseHandle;

beforeEach(async () => {
  handle = await openTestDatabase();
  await sql`create table gc_rows (name text primary key)`.execute(handle.db);
});

afterEach(async () => {
  await handle.close();
});

async function insertRow(trx: Transaction<Database>, name: string): Promise<void> {
  await sql`insert into gc_rows (name) values (${name})`.execute(trx);
}

async function storedNames(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from gc_rows order by name`.execute(
    handle.db,
  );
  return rows.map((r) => r.name);
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `r${String(i).padStart(3, '0')}`);

describe('group commit', () => {
  it('writes 200 concurrent units, on SQLite in far fewer transactions than units', async () => {
    const gc = groupCommitOf(handle.db);
    const transactions = new Set<Transaction<Database>>();
    const results = await Promise.all(
      names(200).map((name) =>
        gc.run(async (trx) => {
          transactions.add(trx);
          await insertRow(trx, name);
          return name.toUpperCase();
        }),
      ),
    );

    expect(results).toEqual(names(200).map((n) => n.toUpperCase()));
    expect(await storedNames()).toEqual(names(200));
    if (handle.kind === 'sqlite') {
      expect(transactions.size).toBe(Math.ceil(200 / MAX_BATCH));
    } else {
      expect(transactions.size).toBe(200);
    }
  });

  it('fails a throwing unit alone: its writes go, the others of its batch stay', async () => {
    const gc = groupCommitOf(handle.db);
    const outcomes = await Promise.allSettled(
      names(9).map((name, i) =>
        gc.run(async (trx) => {
          await insertRow(trx, name);
          if (i === 4) {
            throw new Error('refused');
          }
          return name;
        }),
      ),
    );

    expect(outcomes.map((o) => o.status)).toEqual([
      ...Array<string>(4).fill('fulfilled'),
      'rejected',
      ...Array<string>(4).fill('fulfilled'),
    ]);
    expect(outcomes[4]).toMatchObject({ reason: new Error('refused') });
    expect(await storedNames()).toEqual(names(9).filter((_, i) => i !== 4));
  });

  it('fails a unit that breaks a constraint alone, and later units see earlier ones', async () => {
    const gc = groupCommitOf(handle.db);
    const seen: number[] = [];
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'a', 'c'].map((name) =>
        gc.run(async (trx) => {
          const { rows } = await sql<{ n: number }>`select count(*) as n from gc_rows`.execute(trx);
          seen.push(Number(rows[0]?.n));
          await insertRow(trx, name);
        }),
      ),
    );

    const refused = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [i] : []));
    expect(await storedNames()).toEqual(['a', 'b', 'c']);
    if (handle.kind === 'sqlite') {
      // One batch, in the order of arrival: the second 'a' meets the first one's row.
      expect(refused).toEqual([2]);
      expect(seen).toEqual([0, 1, 2, 2]);
    } else {
      // Four transactions at once: whichever 'a' commits second is refused.
      expect(refused.length === 1 && [0, 2].includes(refused[0] as number)).toBe(true);
    }
  });

  it('answers a unit only after its transaction committed', async () => {
    const gc = groupCommitOf(handle.db);
    const committed: boolean[] = [];
    await Promise.all(
      names(3).map((name) =>
        gc
          .run((trx) => insertRow(trx, name))
          .then(async () => {
            // Outside the batch: only committed rows are visible (and on SQLite the read would
            // wait for a transaction still open on the one connection).
            committed.push((await storedNames()).includes(name));
          }),
      ),
    );

    expect(committed).toEqual([true, true, true]);
  });
});
