import SQLite from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../server/config.js';
import type { ReportStream } from './import-org.js';

/** Every table of a SQLite file with its row count, by name (SQLite's own tables left out). */
export function tableCounts(db: SQLite.Database): Record<string, number> {
  const tables = db
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
       order by name`,
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables) {
    counts[name] = db
      .prepare(`select count(*) from "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  return counts;
}

/** `PRAGMA integrity_check` of a file, opened read-only: 'ok' or SQLite's first complaint. */
export function integrityOf(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/**
 * Copies a live SQLite database through SQLite's online backup API: a consistent snapshot while
 * the server keeps writing, never a copy of the file (a copy taken mid-transaction is corrupt).
 * Returns the number of pages written.
 */
export async function backupSqlite(source: string, target: string): Promise<number> {
  const db = new SQLite(source, { fileMustExist: true, timeout: 1000 });
  try {
    const result = await db.backup(target);
    return result.totalPages;
  } finally {
    db.close();
  }
}

/**
 * `linli backup FILE`: on SQLite writes an online backup to FILE (never over an existing file)
 * and checks it; on PostgreSQL prints the pg_dump command to use instead and exits 3, because
 * a logical dump is pg_dump's job (docs/operations.md). Returns the exit code.
 */
export async function backupCommand(
  config: Config,
  target: string | undefined,
  out: ReportStream,
  err: ReportStream,
): Promise<number> {
  if (config.database.kind === 'postgres') {
    err.write(
      'PostgreSQL is backed up with pg_dump, not by linli / PostgreSQL 请用 pg_dump 备份:\n' +
        `  pg_dump --format=custom --file=${target ?? 'linli.dump'} "$DATABASE_URL"\n` +
        'restore / 恢复: see docs/operations.md (pg_restore into an empty database)\n',
    );
    return 3;
  }
  if (!target) {
    err.write('backup needs a target file / 需要指定备份文件: linli backup FILE\n');
    return 2;
  }
  const file = path.resolve(target);
  if (existsSync(file)) {
    err.write(`${file} exists; a backup never overwrites a file / 备份文件已存在，不会覆盖\n`);
    return 2;
  }
  if (!existsSync(config.database.file)) {
    err.write(`no database at ${config.database.file} / 数据库文件不存在\n`);
    return 1;
  }
  const started = Date.now();
  const pages = await backupSqlite(config.database.file, file);
  const integrity = integrityOf(file);
  if (integrity !== 'ok') {
    err.write(`the backup fails integrity_check / 备份校验失败: ${integrity}\n`);
    return 1;
  }
  const copy = new SQLite(file, { readonly: true });
  const counts = tableCounts(copy);
  copy.close();
  out.write(
    `backup written / 备份完成: ${file} (${pages} pages, ${Date.now() - started} ms, ` +
      `tickets ${counts.tickets ?? 0}, audit entries ${counts.audit_entries ?? 0}), integrity ok\n`,
  );
  return 0;
}
