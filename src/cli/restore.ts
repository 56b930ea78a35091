import SQLite from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../server/audit/service.js';
import type { Config } from '../server/config.js';
import { openSqlite } from '../server/db/database.js';
import { backupSqlite, integrityOf, tableCounts } from './backup.js';
import type { ReportStream } from './import-org.js';

/**
 * True when another connection has the SQLite file open (a running server): in WAL mode any open
 * connection keeps an exclusive lock from being taken.
 */
export function inUse(file: string): boolean {
  const db = new SQLite(file, { fileMustExist: true, timeout: 200 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      return true;
    }
    throw error;
  } finally {
    db.close();
  }
}

/** Why the restore must not start, or null. */
function refusal(source: string, target: string, force: boolean): string | null {
  if (!existsSync(source)) {
    return `no backup file at ${source} / 备份文件不存在`;
  }
  const integrity = integrityOf(source);
  if (integrity !== 'ok') {
    return `the backup fails integrity_check / 备份文件已损坏: ${integrity}`;
  }
  if (!existsSync(target)) {
    return null;
  }
  if (!force) {
    return (
      `${target} exists; stop the server and pass --force to replace it / ` +
      '数据库文件已存在，请先停止服务并加 --force'
    );
  }
  return inUse(target)
    ? `${target} is open by a running server; stop it first / 数据库正被运行中的服务使用，请先停止`
    : null;
}

/**
 * `linli restore FILE [--force]`: writes a backup into the configured SQLite database through
 * the backup API (which also settles a leftover WAL of the old database), then checks
 * integrity_check and the audit chain of the result. An existing database is replaced only with
 * --force and never while a server has it open. Returns the exit code.
 */
export async function restoreCommand(
  config: Config,
  args: string[],
  out: ReportStream,
  err: ReportStream,
): Promise<number> {
  const force = args.includes('--force');
  const source = args.find((a) => !a.startsWith('--'));
  if (config.database.kind === 'postgres') {
    err.write(
      'PostgreSQL is restored with pg_restore, not by linli / PostgreSQL 请用 pg_restore 恢复:\n' +
        `  pg_restore --no-owner --dbname="$DATABASE_URL" ${source ?? 'linli.dump'}\n` +
        '(into an empty database; with no server connected, --clean --if-exists replaces one)\n' +
        'then run `linli audit verify` (docs/operations.md)\n',
    );
    return 3;
  }
  if (!source) {
    err.write('restore needs a backup file / 需要指定备份文件: linli restore FILE [--force]\n');
    return 2;
  }
  const from = path.resolve(source);
  const target = config.database.file;
  const refused = refusal(from, target, force);
  if (refused) {
    err.write(`${refused}\n`);
    return 2;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  await backupSqlite(from, target);
  return verifyRestored(config, target, out, err);
}

/** integrity_check and the audit chain of the restored database, and its main counts. */
async function verifyRestored(
  config: Config,
  target: string,
  out: ReportStream,
  err: ReportStream,
): Promise<number> {
  const integrity = integrityOf(target);
  if (integrity !== 'ok') {
    err.write(`the restored database fails integrity_check / 恢复后校验失败: ${integrity}\n`);
    return 1;
  }
  const handle = openSqlite(target);
  try {
    const chain = await verifyAuditChain(handle.db, { audit: config.audit });
    if (!chain.ok) {
      err.write(
        `restored, but the audit chain breaks at entry #${chain.firstBrokenSeq} ` +
          `(${chain.reason}) / 已恢复，但审计链校验失败\n`,
      );
      return 1;
    }
    const db = new SQLite(target, { readonly: true });
    const counts = tableCounts(db);
    db.close();
    out.write(
      `restored / 恢复完成: ${target} (tickets ${counts.tickets ?? 0}), integrity ok, ` +
        `audit chain intact: ${chain.count} entries\n`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
