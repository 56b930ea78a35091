// F5 of the fault plan: slow clients. Connections that dribble their headers or their body a
// few bytes at a time must not hold back anyone else: while 40 of them are open, ordinary
// requests are answered as fast as without them, and a slow body that does complete is still
// answered normally.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../app.js';

let t: TestApp;
let port: number;
const slow: net.Socket[] = [];

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-15T09:00:00+08:00'));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const socket of slow) {
    socket.destroy();
  }
  await t.close();
});

/** Opens a connection that sends `bytes` one at a time every `everyMs`; answers what came back. */
function dribble(bytes: Buffer, everyMs: number): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  slow.push(socket);
  let answer = '';
  socket.on('data', (chunk: Buffer) => {
    answer += chunk.toString('utf8');
  });
  socket.on('error', () => undefined);
  return new Promise((resolve) => {
    let sent = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || sent >= bytes.length) {
        clearInterval(timer);
        setTimeout(() => {
          resolve(answer);
        }, 500);
        return;
      }
      socket.write(bytes.subarray(sent, sent + 1));
      sent += 1;
    }, everyMs);
  });
}

async function timedHealth(): Promise<number> {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(res.status).toBe(200);
  return performance.now() - started;
}

async function worstOf(count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    times.push(await timedHealth());
  }
  return Math.max(...times);
}

describe('slow clients (F5)', () => {
  it('answers others as fast while 40 connections dribble headers and bodies', async () => {
    const before = await worstOf(10);
    const body = JSON.stringify({
      placardToken: t.demo.samplePlacard.token,
      kind: 'help',
      description: '小区门口路灯不亮。',
    });
    const slowHead = 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ' + 'a'.repeat(5000);
    const slowPost =
      'POST /api/public/tickets HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n`;
    for (let i = 0; i < 30; i += 1) {
      void dribble(Buffer.from(slowHead), 50);
    }
    const posts = Array.from({ length: 10 }, () => dribble(Buffer.from(slowPost + body), 5));

    const during = await worstOf(10);

    // One request at a time on an idle app takes a few ms; allow for a loaded machine.
    expect(during).toBeLessThan(Math.max(250, before * 5));
    const answers = await Promise.all(posts);
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    }
  });
});
