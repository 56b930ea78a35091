import { describe, expect, it } from 'vitest';
import { nameable, statementName } from './pg-statements.js';

describe('which PostgreSQL queries become named statements', () => {
  it('names one query with parameters, whatever its verb', () => {
    for (const text of [
      'select 1 where a = $1',
      '  insert into t values ($1)',
      'UPDATE t set a = $1',
      'delete from t where a = $1',
      'with x as (select $1) select * from x',
    ]) {
      expect(nameable(text, [1])).toBe(true);
    }
  });

  it('leaves commands, several statements and queries without parameters unnamed', () => {
    expect(nameable('select count(*) from t', [])).toBe(false);
    expect(nameable('select 1 where a = $1', undefined)).toBe(false);
    expect(nameable('savepoint "unit"', [1])).toBe(false);
    expect(nameable('set statement_timeout = $1', [1])).toBe(false);
    expect(nameable('select $1; drop table t', [1])).toBe(false);
    expect(nameable('selectx from t where a = $1', [1])).toBe(false);
  });

  it('gives a text the same short name every time, and another text another', () => {
    const name = statementName('select 1 where a = $1');
    expect(name).toBe(statementName('select 1 where a = $1'));
    expect(name).not.toBe(statementName('select 2 where a = $1'));
    expect(name).toMatch(/^k[\w-]{22}$/);
    // PostgreSQL cuts identifiers at 63 bytes: two names must not meet in their first 63.
    expect(name.length).toBeLessThan(64);
  });
});
