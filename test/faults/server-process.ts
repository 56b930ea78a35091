// The real server as a child process (`node --import tsx src/server/main.ts`), for the fault
// tests that kill, stop or starve it: each start gets its own data directory and a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A running server child: where it listens, and how it ended once it has. */
export interface ServerChild {
  baseUrl: string;
  /** The demo's sample placard token; '' when this start did not seed the demo. */
  placardToken: string;
  process: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

export interface ServerOptions {
  dataDir: string;
  /** Empty for SQLite in dataDir, else a postgres:// URL. */
  databaseUrl?: string;
  seedDemo?: 'yes' | 'no' | 'auto';
  startTimeoutMs?: number;
}

/** A fresh temporary data directory and its removal. */
export function tempDataDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `linli-${prefix}-`));
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts the server and waits for its banner; throws with its output when it does not start. */
export async function startServer(options: ServerOptions): Promise<ServerChild> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    DATA_KEY: '3c9a5e1f7b2d4860a1c3e5f70b2d4f6183a5c7e90b1d3f5a7c9e1b3d5f7092b4',
    SEED_DEMO: options.seedDemo ?? 'auto',
    LOG_LEVEL: 'warn',
    // The bursts come from one address: lift the per-address submission limit out of the way.
    PUBLIC_TICKETS_PER_ADDRESS_HOUR: '100000',
  };
  delete env.PUBLIC_BASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    }),
  );
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    const base = /居民端:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
    if (base?.[1] && out.endsWith('\n\n')) {
      const token = /\/b\/([A-Za-z0-9]+)/.exec(out)?.[1] ?? '';
      if (options.seedDemo === 'yes' && !token) {
        break;
      }
      return { baseUrl: base[1], placardToken: token, process: child, exited, output: () => out };
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start:\n${out}`);
}

/** Ends a child that may still run (test clean-up); waits for it to be gone. */
export async function killServer(server: ServerChild | null | undefined): Promise<void> {
  if (!server) {
    return;
  }
  if (server.process.exitCode === null && server.process.signalCode === null) {
    server.process.kill('SIGKILL');
  }
  await server.exited;
}

/** A resident submission from the sample placard, with its own idempotency key. */
export function submission(baseUrl: string, token: string, key: string, signal?: AbortSignal) {
  return fetch(`${baseUrl}/api/public/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({
      placardToken: token,
      kind: 'report',
      description: `楼道里堆放了杂物，影响通行（${key}）`,
    }),
    signal,
  });
}

/** Runs `linli <args>` (src/cli/linli.ts) with the same settings a server child gets. */
export function runCli(
  args: string[],
  options: { dataDir: string; databaseUrl?: string },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    DATA_KEY: '3c9a5e1f7b2d4860a1c3e5f70b2d4f6183a5c7e90b1d3f5a7c9e1b3d5f7092b4',
    SEED_DEMO: 'no',
    LOG_LEVEL: 'warn',
  };
  delete env.PUBLIC_BASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/linli.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    }),
  );
}
