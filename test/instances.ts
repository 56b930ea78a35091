// Support for the several-instances test: Linli servers as real child processes
// (src/server/main.ts through tsx), a fresh PostgreSQL database of their own, and an SMS
// gateway that counts what each instance sent.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { pgTestUrl } from './pg.js';

const root = path.resolve(import.meta.dirname, '..');

/** A running server process and what its start banner said. */
export interface ServerProcess {
  name: string;
  /** The base URL it listens on, e.g. http://127.0.0.1:41234 */
  base: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and waits for the exit (SIGKILL after 15 s); returns the exit code. */
  stop(): Promise<number | null>;
}

function waitForExit(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/**
 * Starts `node --import tsx src/server/main.ts` with only the given settings (plus PATH and
 * HOME), on a port the system picks, and resolves once the banner names the address.
 */
export function startServer(
  name: string,
  settings: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root, ...settings, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const server: ServerProcess = {
    name,
    base: '',
    output: () => text,
    stop: async () => {
      child.kill('SIGTERM');
      return waitForExit(child, 15_000);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${text}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const found = /resident \/ 居民端:\s+(http:\/\/[^\s/]+)\//.exec(text);
      if (found?.[1] && !server.base) {
        server.base = found[1];
        clearTimeout(timer);
        resolve(server);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it listened:\n${text}`));
    });
  });
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgTestUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server; `drop` removes it, ending its sessions. */
export async function createFreshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `linli_instances_${Date.now().toString(36)}_${process.pid}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(pgTestUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** One message an instance handed to the gateway: the outbox id and the instance's token. */
export interface Delivery {
  id: string;
  to: string;
  token: string;
}

/** A fake SMS gateway that answers each message after `delayMs`, as a real one takes time. */
export interface CountingGateway {
  url: string;
  deliveries: Delivery[];
  close(): Promise<void>;
}

/** Starts the gateway on 127.0.0.1 and a random port. */
export async function startCountingGateway(delayMs: number): Promise<CountingGateway> {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Delivery;
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      deliveries.push({ id: body.id, to: body.to, token });
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    deliveries,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) {
            reject(error);
          } else {
            resolve();
          }
        });
      }),
  };
}
