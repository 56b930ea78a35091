// Fault F8 (docs/reliability.md): SIGTERM while a submission is still arriving. The request in
// flight is answered and stored, a new connection is refused, and the process exits 0 in time.
import http from 'node:http';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { serverStore, type ServerStore } from './server-db.js';
import { killServer, startServer, tempDataDir, type ServerChild } from './server-process.js';

const data = tempDataDir('sigterm');
let server: ServerChild | null = null;
let store: ServerStore | null = null;

afterAll(async () => {
  await killServer(server);
  await store?.drop();
  data.remove();
});

/** A POST whose body is sent in two halves; `finish` sends the rest and awaits the answer. */
function slowSubmission(base: string, token: string, key: string) {
  const body = Buffer.from(
    JSON.stringify({ placardToken: token, kind: 'report', description: `路灯不亮（${key}）` }),
  );
  const req = http.request(new URL('/api/public/tickets', base), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': body.length,
      'idempotency-key': key,
      // The server answers 100 Continue once it has the headers: the request is then in flight.
      expect: '100-continue',
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
  });
  answer.catch(() => undefined); // awaited through finish(); a failed test must not leave it
  const started = new Promise<void>((resolve) => {
    req.once('continue', () => {
      req.write(body.subarray(0, 20));
      resolve();
    });
  });
  req.flushHeaders();
  return {
    started,
    finish: () => {
      req.end(body.subarray(20));
      return answer;
    },
  };
}

/** Whether a new TCP connection to the server's port is accepted. */
function connects(base: string): Promise<boolean> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

describe('SIGTERM drains requests in flight (F8)', () => {
  it('answers the request in flight, refuses new connections and exits 0 within 10 s', async () => {
    store = await serverStore(data.dir);
    server = await startServer({
      dataDir: data.dir,
      databaseUrl: store.databaseUrl,
      seedDemo: 'yes',
    });
    const token = server.placardToken;
    expect(await connects(server.baseUrl)).toBe(true);

    const inFlight = slowSubmission(server.baseUrl, token, 'sigterm-in-flight-1');
    await inFlight.started;
    const signalled = Date.now();
    server.process.kill('SIGTERM');
    // The listener closes as soon as the child handles the signal (later on a loaded machine).
    let refused = false;
    while (!refused && Date.now() - signalled < 5_000) {
      await new Promise((r) => setTimeout(r, 300));
      refused = !(await connects(server.baseUrl));
    }
    expect(refused).toBe(true);
    expect(server.process.exitCode).toBeNull();

    const answer = await inFlight.finish();
    expect(answer.status).toBe(201);
    const receipt = JSON.parse(answer.body) as { trackingCode: string };
    const ended = await server.exited;
    expect(ended).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(10_000);

    const stored = await store.ticketsByKey(['sigterm-in-flight-1']);
    expect(stored.get('sigterm-in-flight-1')).toEqual([receipt.trackingCode]);
  }, 180_000);
});
