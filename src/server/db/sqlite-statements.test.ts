import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_KEPT_STATEMENTS, withKeptStatements } from './sqlite-statements.js';

let sqlite: SQLite.Database;

function open() {
  sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (n integer); insert into t values (1), (2), (3)');
  return withKeptStatements(sqlite);
}

afterEach(() => {
  if (sqlite.open) {
    sqlite.close();
  }
});

describe('kept SQLite statements', () => {
  it('prepares a text once and answers the same statement after', () => {
    const db = open();
    const first = db.prepare('select n from t order by n');
    expect(db.prepare('select n from t order by n')).toBe(first);
    expect(first.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(db.prepare('select n from t where n > ?').all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('gives a statement of its own to a text whose kept statement is still iterating', () => {
    const db = open();
    const text = 'select n from t order by n';
    const streaming = db.prepare(text);
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const other = db.prepare(text);
    expect(other).not.toBe(streaming);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare(text)).toBe(streaming);
  });

  it('drops the statement used longest ago past its bound', () => {
    const db = open();
    const oldest = db.prepare('select 0 as n');
    const recent = db.prepare('select 1 as n');
    for (let i = 2; i < MAX_KEPT_STATEMENTS; i += 1) {
      db.prepare(`select ${i} as n`);
    }
    expect(db.prepare('select 0 as n')).toBe(oldest);
    db.prepare(`select ${MAX_KEPT_STATEMENTS} as n`);
    expect(db.prepare('select 0 as n')).toBe(oldest);
    expect(db.prepare('select 1 as n')).not.toBe(recent);
  });
});
