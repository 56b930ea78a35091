import path from 'node:path';
import { buildApp } from './app.js';
import { startAuditSweep } from './audit/pending.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createContext } from './context-factory.js';
import { openDatabase } from './db/database.js';
import { whileHolding } from './db/instance-lock.js';
import { migrateToLatest } from './db/migrate.js';
import { S3FileStorage } from './files/s3-storage.js';
import type { FileStorage } from './files/storage.js';
import { startOutboxWorker } from './notifications/worker.js';
import { startTicketHousekeeping } from './tickets/housekeeping.js';
import { prepareDemo, type DemoSummary } from './org/demo-start.js';

/** Reads the settings, opens and migrates the database, loads demo data, and listens. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const handle = openDatabase(config.database);
  const ctx = createContext(config, handle);
  await checkFileStorage(ctx.storage);
  // Several instances may start at once on one PostgreSQL: one migrates and seeds at a time, the
  // next finds the schema up to date and the demo data present (docs/deployment.md).
  const { applied, demo } = await whileHolding(ctx, 'start', async () => ({
    applied: await migrateToLatest(handle.db).catch((error: unknown) =>
      stopWith(`cannot open the database / 无法打开数据库: ${reasonOf(error)}`),
    ),
    demo: await prepareDemo(ctx, config.seedDemo),
  }));
  const app = await buildApp(ctx, {
    logLevel: config.logLevel,
    webRoot: path.resolve('dist/web'),
    trustProxy: config.trustProxy,
  });
  await app
    .listen({ port: config.port, host: config.host })
    .catch((error: unknown) =>
      stopWith(`cannot listen on ${config.host}:${config.port} / 无法监听端口: ${reasonOf(error)}`),
    );
  if (config.database.kind === 'postgres' && config.dataKeyFromFile) {
    app.log.warn(
      'DATA_KEY is not set: this instance uses its own DATA_DIR/data.key; several instances ' +
        'on one database must share one DATA_KEY (docs/deployment.md)',
    );
  }
  const outbox = startOutboxWorker(ctx, { logger: app.log });
  const housekeeping = startTicketHousekeeping(ctx, app.log);
  const auditSweep = ctx.auditChainer
    ? startAuditSweep(ctx.auditChainer, AUDIT_SWEEP_MS, (error) => {
        app.log.error({ err: error }, 'audit chaining failed');
      })
    : null;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base =
    config.publicBaseUrl ??
    `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  process.stdout.write(banner(base, config, applied, demo));

  // Drain first: the listener closes at once (new connections are refused), requests in flight
  // finish, idle keep-alive sockets are closed; then the workers stop and the database closes.
  // A drain that outlasts the bound ends the process with 1 rather than hanging.
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      process.stderr.write(`shutdown took over ${DRAIN_MS / 1000} s / 停止超时\n`);
      process.exit(1);
    }, DRAIN_MS).unref();
    await app.close();
    await outbox.stop();
    await housekeeping.stop();
    await auditSweep?.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/**
 * How often PostgreSQL's audit entries left pending are chained: those of an instance that
 * stopped between a commit and its chaining (src/server/audit/pending.ts).
 */
const AUDIT_SWEEP_MS = 5_000;

/** How long SIGTERM waits for requests in flight (RELIABILITY F8: at most 10 s). */
const DRAIN_MS = 10_000;

/** A bucket that cannot be reached stops the start with the setting to correct. */
async function checkFileStorage(storage: FileStorage): Promise<void> {
  if (storage instanceof S3FileStorage) {
    await storage
      .check()
      .catch((error: unknown) => stopWith(`file storage / 文件存储: ${reasonOf(error)}`));
  }
}

/** A start that cannot go on ends with one plain sentence, not a stack trace. */
function stopWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code} ${message}` : message;
}

function banner(base: string, config: Config, applied: string[], demo: DemoSummary | null): string {
  const db = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  const files =
    config.fileStorage.kind === 's3'
      ? `S3 bucket ${config.fileStorage.bucket}`
      : `directory ${config.filesDir}`;
  const lines = [
    '',
    `Linli 邻里 is running / 已启动 — ${db}`,
    `  files / 文件:       ${files}`,
    applied.length > 0
      ? `  migrations applied: ${applied.join(', ')}`
      : '  database schema up to date',
    `  resident / 居民端:   ${base}/`,
    `  workbench / 工作台:  ${base}/workbench`,
    `  API description:    ${base}/api/openapi.json`,
  ];
  if (demo) {
    lines.push(`  demo placard / 示例联络牌: ${base}/b/${demo.samplePlacardToken}`);
    lines.push(`  demo accounts / 演示账号 (password 密码: ${demo.password}):`);
    for (const a of demo.accounts) {
      lines.push(`    ${a.username.padEnd(22)} ${a.role.padEnd(13)} ${a.street ?? ''}`);
    }
    if (demo.more > 0) {
      lines.push(
        `    … and ${demo.more} more: <street>.admin and <street>.1, .2 … for every street`,
      );
    }
  }
  return `${lines.join('\n')}\n\n`;
}

await main();
