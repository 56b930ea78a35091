// Fault F1 (docs/reliability.md): the server is killed with SIGKILL in the middle of a burst of
// resident submissions, five times. Every acknowledged ticket must be stored exactly once, and
// re-sending an unanswered request with its idempotency key must give one ticket, never two.
import { afterAll, describe, expect, it } from 'vitest';
import { serverStore, type ServerStore } from './server-db.js';
import {
  killServer,
  startServer,
  submission,
  tempDataDir,
  type ServerChild,
} from './server-process.js';

const CLIENTS = 32;
const ITERATIONS = 5;

interface Sent {
  key: string;
  /** The HTTP status, or null when no answer came before the kill. */
  status: number | null;
  trackingCode: string | null;
}

const data = tempDataDir('kill9');
let server: ServerChild | null = null;
let store: ServerStore | null = null;

afterAll(async () => {
  await killServer(server);
  await store?.drop();
  data.remove();
});

/** 32 clients submitting one after another until the server dies under them. */
async function burst(base: string, token: string, round: number, killAfterMs: number) {
  const sent: Sent[] = [];
  let dead = false;
  const client = async (c: number) => {
    for (let n = 0; !dead; n += 1) {
      const entry: Sent = { key: `kill9-r${round}-c${c}-n${n}`, status: null, trackingCode: null };
      sent.push(entry);
      try {
        const res = await submission(base, token, entry.key);
        entry.status = res.status;
        const body = (await res.json()) as { trackingCode?: string };
        entry.trackingCode = body.trackingCode ?? null;
      } catch {
        entry.status = null;
        entry.trackingCode = null;
        return;
      }
    }
  };
  const running = Array.from({ length: CLIENTS }, (_, c) => client(c));
  await new Promise((r) => setTimeout(r, killAfterMs));
  server?.process.kill('SIGKILL');
  await server?.exited;
  dead = true;
  await Promise.all(running);
  return sent;
}

describe('kill -9 during a burst of submissions (F1)', () => {
  it('loses no acknowledged ticket and files no key twice, in 5 kills', async () => {
    store = await serverStore(data.dir);
    server = await startServer({
      dataDir: data.dir,
      databaseUrl: store.databaseUrl,
      seedDemo: 'yes',
    });
    const token = server.placardToken;
    expect(token).toMatch(/^[A-Za-z0-9]+$/);
    for (let round = 1; round <= ITERATIONS; round += 1) {
      // One answered submission first: a cold server (on a loaded machine) is slow to start.
      const warm = await submission(server.baseUrl, token, `kill9-r${round}-warm-up`);
      expect(warm.status).toBe(201);
      const killAfter = 500 + Math.floor(Math.random() * 1000);
      const sent = await burst(server.baseUrl, token, round, killAfter);
      const acked = sent.filter((s) => s.status !== null && s.status >= 200 && s.status < 300);
      const refused = sent.filter((s) => s.status !== null && (s.status < 200 || s.status >= 300));
      const keys = sent.map((s) => s.key);
      expect(await store.integrity()).toBe('ok');
      const stored = await store.ticketsByKey(keys);
      const missing = acked.filter((s) => stored.get(s.key)?.[0] !== s.trackingCode);
      const duplicates = [...stored.values()].filter((codes) => codes.length > 1);
      const unanswered = sent.filter((s) => s.status === null);
      const storedUnacked = unanswered.filter((s) => stored.has(s.key));
      console.log(
        JSON.stringify({
          round,
          killAfterMs: killAfter,
          sent: sent.length,
          acked: acked.length,
          stored: stored.size,
          missing: missing.length,
          duplicates: duplicates.length,
          storedUnacked: storedUnacked.length,
        }),
      );
      expect(acked.length).toBeGreaterThan(0);
      expect(refused.map((s) => s.status)).toEqual([]);
      expect(missing).toEqual([]);
      expect(duplicates).toEqual([]);
      expect(storedUnacked.length).toBeLessThanOrEqual(CLIENTS);

      // The clients retry what got no answer, with the same keys, once the server is back.
      server = await startServer({ dataDir: data.dir, databaseUrl: store.databaseUrl });
      for (const s of unanswered) {
        const res = await submission(server.baseUrl, token, s.key);
        const body = (await res.json()) as { trackingCode: string };
        const before = stored.get(s.key)?.[0];
        expect(res.status).toBe(before ? 200 : 201);
        expect(body.trackingCode).toBe(before ?? body.trackingCode);
      }
      const after = await store.ticketsByKey(keys);
      expect(after.size).toBe(sent.length);
      expect([...after.values()].filter((codes) => codes.length !== 1)).toEqual([]);
    }
  }, 240_000);
});
