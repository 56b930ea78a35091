// Checkpoints of SQLite's write-ahead log, made by a worker thread instead of the event loop.
//
// In WAL mode every commit appends the pages it changed to the log, and a checkpoint copies them
// back into the database file and syncs it. SQLite's automatic checkpoint runs inside the commit
// that crosses 1 000 pages, and better-sqlite3 runs every statement on the event loop: on a
// district's database that commit held every other request for 30–400 ms (docs/performance.md).
// Here the app's connection makes no checkpoint of its own; a worker with a connection of its own
// makes PASSIVE checkpoints, which never block a writer or a reader.
//
// The log starts again from its beginning only when a write begins after a checkpoint that
// copied all of it. Under a steady stream of writes that moment may not come by itself, so
// the group commit waits (without holding the event loop) before its next batch when the log
// has grown past `maxLogPages` (`room`), and the log restarts then.
//
// Until the log reaches `startAtPages` no worker exists: a test database or a quiet installation
// never starts a thread, and the pages wait in the log as they do with SQLite's own threshold.
import type { Database as SqliteDb } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What a PASSIVE checkpoint reports: pages in the log, and how many of them it has copied. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface CheckpointerOptions {
  /** Pages in the log before the worker starts (SQLite's own threshold is 1 000). */
  startAtPages?: number;
  /** Pages in the log past which the group commit waits for a full checkpoint. */
  maxLogPages?: number;
  /** How often the log is looked at when nothing nudges the checkpointer, in ms. */
  intervalMs?: number;
}

export interface Checkpointer {
  /** A write has committed: checkpoint soon. */
  nudge(): void;
  /** Resolves at once, or once a checkpoint has copied the whole log when it has grown too long. */
  room(): Promise<void>;
  /** The last checkpoint's report (null before the first). */
  last(): CheckpointResult | null;
  /** Ends the worker; the connection's close then checkpoints what is left. */
  close(): Promise<void>;
}

// The worker: one connection, one PASSIVE checkpoint per message. Plain JavaScript evaluated as a
// script, so it runs the same under tsx, vitest and node without a loader of its own.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { timeout: 0 });
db.pragma('synchronous = FULL');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

const registry = new WeakMap<object, Checkpointer>();

/** The checkpointer of a Kysely database opened by openSqlite, if it has one. */
export function checkpointerOf(db: object): Checkpointer | undefined {
  return registry.get(db);
}

/** Remembers `checkpointer` as the one of `db`, for the group commit to find. */
export function registerCheckpointer(db: object, checkpointer: Checkpointer): void {
  registry.set(db, checkpointer);
}

function pageSizeOf(sqlite: SqliteDb): number {
  return Number(sqlite.pragma('page_size', { simple: true }));
}

/**
 * Takes the checkpoints of `sqlite`'s log (its file `file`) away from the connection: the
 * connection's automatic checkpoint is turned off and a worker thread checkpoints instead. When
 * the worker fails, the connection's automatic checkpoint is turned on again, so the log never
 * grows without end.
 */
export function checkpointInWorker(
  sqlite: SqliteDb,
  file: string,
  options: CheckpointerOptions = {},
): Checkpointer {
  const startAtPages = options.startAtPages ?? 1000;
  const maxLogPages = options.maxLogPages ?? 16_384;
  const pageSize = pageSizeOf(sqlite);
  const walFile = `${file}-wal`;
  sqlite.pragma('wal_autocheckpoint = 0');

  let worker: Worker | null = null;
  let failed = false;
  let closed = false;
  let running = false;
  let again = false;
  let lastResult: CheckpointResult | null = null;
  let waiters: (() => void)[] = [];

  const logPages = (): number => {
    try {
      return Math.floor(Math.max(0, statSync(walFile).size - 32) / (pageSize + 24));
    } catch {
      return 0;
    }
  };

  const wakeWaiters = () => {
    const ready = waiters;
    waiters = [];
    for (const wake of ready) {
      wake();
    }
  };

  /** Back to SQLite's own checkpoints, in the commit, as before. */
  const fallBack = () => {
    failed = true;
    worker = null;
    running = false;
    if (!closed) {
      sqlite.pragma('wal_autocheckpoint = 1000');
    }
    wakeWaiters();
  };

  const startWorker = (): Worker => {
    const started = new Worker(workerSource, {
      eval: true,
      workerData: { file, driver: driverPath },
    });
    started.unref();
    started.on('message', (message: { ok: boolean; result?: CheckpointResult }) => {
      running = false;
      // Idle, the worker keeps no process alive; a checkpoint in flight, or its close, does.
      if (!closed) {
        started.unref();
      }
      if (!message.ok || !message.result) {
        fallBack();
        void started.terminate();
        return;
      }
      lastResult = message.result;
      const complete =
        message.result.busy === 0 && message.result.checkpointed >= message.result.log;
      if (complete || !tooLong()) {
        wakeWaiters();
      }
      if (again || (waiters.length > 0 && !complete)) {
        again = false;
        run();
      }
    });
    started.on('error', fallBack);
    started.on('exit', () => {
      if (!closed && !failed) {
        fallBack();
      }
    });
    return started;
  };

  function tooLong(): boolean {
    return (lastResult?.log ?? logPages()) > maxLogPages;
  }

  function run(): void {
    if (closed || failed) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    if (!worker) {
      if (logPages() < startAtPages) {
        return;
      }
      worker = startWorker();
    }
    running = true;
    worker.ref();
    worker.postMessage('run');
  }

  const timer = setInterval(run, options.intervalMs ?? 500);
  timer.unref();

  return {
    nudge: run,
    room() {
      if (failed || closed || !worker || !tooLong()) {
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        run();
      });
    },
    last: () => lastResult,
    async close() {
      closed = true;
      clearInterval(timer);
      wakeWaiters();
      const ending = worker;
      worker = null;
      if (ending) {
        const exited = new Promise<void>((resolve) => {
          ending.once('exit', () => {
            resolve();
          });
        });
        ending.ref();
        ending.postMessage('close');
        await exited;
      }
    },
  };
}
