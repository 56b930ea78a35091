// Backup and restore drill (RELIABILITY §3e.1, docs/operations.md): `linli backup` while the
// server takes submissions, `linli restore` into a fresh data directory; every table's row
// count matches the backup, every ticket acknowledged before the backup began is there, and
// `linli audit verify` passes on the restored database.
import SQLite from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../src/cli/backup.js';
import {
  killServer,
  runCli,
  startServer,
  submission,
  tempDataDir,
  type ServerChild,
} from './server-process.js';

const live = tempDataDir('drill-live');
const fresh = tempDataDir('drill-restored');
const backups = tempDataDir('drill-backups');
let server: ServerChild | null = null;

afterAll(async () => {
  await killServer(server);
  for (const d of [live, fresh, backups]) {
    d.remove();
  }
});

function counts(file: string): Record<string, number> {
  const db = new SQLite(file, { readonly: true });
  try {
    return tableCounts(db);
  } finally {
    db.close();
  }
}

describe('SQLite backup and restore drill', () => {
  it('backs up while writing; the restore matches, and the audit chain verifies', async () => {
    server = await startServer({ dataDir: live.dir, seedDemo: 'yes' });
    const { baseUrl, placardToken } = server;
    const acked = async (key: string) => {
      const res = await submission(baseUrl, placardToken, key);
      expect(res.status).toBe(201);
      return ((await res.json()) as { trackingCode: string }).trackingCode;
    };
    const before: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      before.push(await acked(`drill-before-${i}`));
    }
    // Writers keep going while the backup runs.
    let writing = true;
    let during = 0;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let n = 0; writing; n += 1) {
        await acked(`drill-during-${w}-${n}`);
        during += 1;
      }
    });
    const file = path.join(backups.dir, 'linli-backup.sqlite');
    const backup = await runCli(['backup', file], { dataDir: live.dir });
    writing = false;
    await Promise.all(writers);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^backup written \/ 备份完成: .* integrity ok\n$/);
    expect(backup.code).toBe(0);
    expect(during).toBeGreaterThan(0);

    // A second backup to the same file is refused and leaves it alone.
    const again = await runCli(['backup', file], { dataDir: live.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('备份文件已存在');

    const restore = await runCli(['restore', file], { dataDir: fresh.dir });
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/integrity ok, audit chain intact: \d+ entries\n$/);
    expect(restore.code).toBe(0);

    const saved = counts(file);
    const restored = counts(path.join(fresh.dir, 'linli.sqlite'));
    expect(Object.keys(saved).length).toBeGreaterThan(40);
    expect(restored).toEqual(saved);
    expect(saved.tickets).toBeGreaterThanOrEqual(before.length);
    expect(saved.audit_entries).toBeGreaterThanOrEqual(before.length);
    const db = new SQLite(path.join(fresh.dir, 'linli.sqlite'), { readonly: true });
    const codes = new Set(db.prepare('select tracking_code from tickets').pluck().all());
    db.close();
    expect(before.filter((c) => !codes.has(c))).toEqual([]);

    const verify = await runCli(['audit', 'verify'], { dataDir: fresh.dir });
    expect(verify.stdout).toBe(`audit chain intact: ${saved.audit_entries} entries\n`);
    expect(verify.code).toBe(0);
  }, 90_000);

  it('refuses to restore over an existing database, and over one a server has open', async () => {
    const file = path.join(backups.dir, 'linli-backup.sqlite');
    const plain = await runCli(['restore', file], { dataDir: fresh.dir });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('--force');
    const running = await runCli(['restore', file, '--force'], { dataDir: live.dir });
    expect(running.code).toBe(2);
    expect(running.stderr).toContain('正被运行中的服务使用');
    const child = server;
    expect(child?.process.exitCode).toBeNull();
    const res = await submission(child?.baseUrl ?? '', child?.placardToken ?? '', 'drill-after');
    expect(res.status).toBe(201);
  }, 60_000);
});
