import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { groupCommitOf } from './group-commit.js';
import { openSqlite } from './database.js';
import { checkpointInWorker, checkpointerOf, type Checkpointer } from './sqlite-checkpointer.js';

const dirs: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-checkpoint-'));
  dirs.push(dir);
  return path.join(dir, 'db.sqlite');
}

/** A WAL database with one table, as openSqlite sets it up, and a checkpointer on it. */
function open(options: Parameters<typeof checkpointInWorker>[2]) {
  const file = tempFile();
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('create table t (n integer primary key, body text not null)');
  const checkpointer = checkpointInWorker(sqlite, file, options);
  cleanups.push(async () => {
    await checkpointer.close();
    sqlite.close();
  });
  const insert = sqlite.prepare('insert into t (body) values (?)');
  /** Writes `rows` rows of 2 KB, one commit each: about one page of the log a row. */
  const write = (rows: number) => {
    for (let i = 0; i < rows; i += 1) {
      insert.run('x'.repeat(2048));
    }
  };
  return { file, sqlite, checkpointer, write };
}

/** The next report of a checkpoint that has run after this call. */
async function nextCheckpoint(checkpointer: Checkpointer) {
  const before = checkpointer.last();
  checkpointer.nudge();
  for (let i = 0; i < 200; i += 1) {
    const last = checkpointer.last();
    if (last && last !== before) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no checkpoint was reported');
}

describe('checkpoints of the SQLite log in a worker thread', () => {
  it('turns the connection’s own checkpoints off', () => {
    const { sqlite } = open({});
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });

  it('starts no worker while the log is short, and copies it all once it is long', async () => {
    const { checkpointer, write } = open({ startAtPages: 200, intervalMs: 60_000 });
    write(20);
    checkpointer.nudge();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(checkpointer.last()).toBeNull();
    write(400);
    const report = await nextCheckpoint(checkpointer);
    expect(report.busy).toBe(0);
    expect(report.log).toBeGreaterThanOrEqual(400);
    expect(report.checkpointed).toBe(report.log);
  });

  it('lets the log start again after a full checkpoint, so it stays bounded', async () => {
    const { file, checkpointer, write } = open({ startAtPages: 50, intervalMs: 60_000 });
    write(300);
    const full = await nextCheckpoint(checkpointer);
    expect(full.checkpointed).toBeGreaterThanOrEqual(300);
    expect(full.checkpointed).toBe(full.log);
    const size = statSync(`${file}-wal`).size;
    // The next write begins after the checkpoint copied everything: the log restarts from its
    // first page, so ten more rows fill a few dozen pages of it, not the pages after the 300th.
    write(10);
    const report = await nextCheckpoint(checkpointer);
    expect(report.log).toBeLessThan(full.log / 5);
    expect(report.checkpointed).toBe(report.log);
    expect(statSync(`${file}-wal`).size).toBe(size);
  });

  it('makes a writer wait in room() past the bound until all is copied', async () => {
    const { checkpointer, write } = open({
      startAtPages: 10,
      maxLogPages: 100,
      intervalMs: 60_000,
    });
    write(50);
    expect((await nextCheckpoint(checkpointer)).log).toBeGreaterThanOrEqual(50);
    await checkpointer.room(); // under the bound: at once
    write(300);
    expect((await nextCheckpoint(checkpointer)).log).toBeGreaterThanOrEqual(300);
    const before = checkpointer.last();
    let ready = false;
    const waiting = checkpointer.room().then(() => {
      ready = true;
    });
    await Promise.resolve();
    expect(ready).toBe(false);
    await waiting;
    // A checkpoint ran for the waiting writer and found everything copied.
    const last = checkpointer.last();
    expect(last).not.toBe(before);
    expect(last?.checkpointed).toBe(last?.log);
  });

  it('gives the checkpoints back to the connection when the worker fails', async () => {
    const sqlite = new SQLite(tempFile());
    sqlite.pragma('journal_mode = WAL');
    const missing = path.join(path.dirname(tempFile()), 'missing', 'db.sqlite');
    const broken = checkpointInWorker(sqlite, missing, { startAtPages: 0, intervalMs: 60_000 });
    cleanups.push(async () => {
      await broken.close();
      sqlite.close();
    });
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    broken.nudge();
    for (let i = 0; i < 200 && sqlite.pragma('wal_autocheckpoint', { simple: true }) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await broken.room(); // a failed checkpointer holds no writer back
  });

  it('keeps every group-commit write through checkpoints and a reopen', async () => {
    const file = tempFile();
    const first = openSqlite(file);
    await first.db.schema
      .createTable('notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    const commit = groupCommitOf(first.db);
    const body = 'y'.repeat(3000);
    await Promise.all(
      Array.from({ length: 1500 }, () =>
        commit.run((trx) =>
          trx
            .insertInto('notes' as never)
            .values({ body } as never)
            .execute(),
        ),
      ),
    );
    const checkpointer = checkpointerOf(first.db);
    expect(checkpointer).toBeDefined();
    const report = await nextCheckpoint(checkpointer as Checkpointer);
    expect(report.checkpointed).toBe(report.log);
    await first.close();

    const again = new SQLite(file, { readonly: true });
    cleanups.push(() => {
      again.close();
    });
    expect(again.prepare('select count(*) as n from notes').get()).toEqual({ n: 1500 });
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
