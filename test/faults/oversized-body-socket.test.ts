// F6 of the fault plan: a body over the limit, seen at the socket rather than through inject.
// The server must answer 413 in the error shape as soon as it knows (from Content-Length, or
// once a chunked body passes the limit) without reading the rest into memory, and keep
// serving others. JSON bodies are limited to 256 KiB, a photo upload to 10 MiB.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../app.js';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-10T09:00:00+08:00'));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await t.close();
});

interface RawAnswer {
  head: string;
  body: string;
  /** Bytes of the body the client had written when the answer came. */
  sentWhenAnswered: number;
  /** Whether the server ended the connection after its answer. */
  closed: boolean;
}

/**
 * Sends `head`, then `total` bytes of body in 64 KiB pieces, at most as fast as the socket takes
 * them; stops writing when the answer arrives or the server closes the connection.
 */
function rawRequest(head: string, total: number, piece = (n: number) => Buffer.alloc(n, 0x61)) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let sent = 0;
    let answer = '';
    let sentWhenAnswered = -1;
    let ended = false;
    const finish = () => {
      const [h = '', b = ''] = answer.split('\r\n\r\n');
      resolve({ head: h, body: b, sentWhenAnswered, closed: ended });
      socket.destroy();
    };
    const pump = () => {
      while (sentWhenAnswered < 0 && sent < total && !socket.destroyed) {
        const n = Math.min(64 * 1024, total - sent);
        sent += n;
        if (!socket.write(piece(n))) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.on('data', (chunk: Buffer) => {
      if (sentWhenAnswered < 0) {
        sentWhenAnswered = sent;
      }
      answer += chunk.toString('utf8');
      if (answer.includes('"requestId"')) {
        setTimeout(finish, 300);
      }
    });
    socket.on('end', () => {
      ended = true;
    });
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
        ended = true;
        finish();
      } else {
        reject(error);
      }
    });
    // A server that reads on without answering fails the test instead of hanging it.
    socket.setTimeout(15_000, finish);
    socket.write(head, pump);
  });
}

function statusOf(answer: RawAnswer): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer.head)?.[1] ?? 0);
}

async function stillServing(): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return res.status;
}

const mib = 1024 * 1024;

const boundary = 'linliOversize';
const partHead =
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n` +
  'Content-Type: image/jpeg\r\n\r\n';
const photoHead = (length: string) =>
  'POST /api/public/photos HTTP/1.1\r\nHost: x\r\n' +
  `content-type: multipart/form-data; boundary=${boundary}\r\n${length}\r\n`;
const chunked = (n: number) =>
  Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), Buffer.alloc(n, 0x20), Buffer.from('\r\n')]);

describe('oversized bodies at the socket (F6)', () => {
  it('answers a declared 50 MiB JSON body 413 before reading it', async () => {
    const head =
      'POST /api/public/tickets HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
      `content-length: ${50 * mib}\r\n\r\n`;

    const answer = await rawRequest(head, 50 * mib);

    expect(statusOf(answer)).toBe(413);
    expect(answer.body).toContain('"error":"payload_too_large"');
    expect(answer.sentWhenAnswered).toBeLessThan(8 * mib);
    expect(await stillServing()).toBe(200);
  });

  it('cuts a chunked JSON body that passes 256 KiB with 413', async () => {
    const head =
      'POST /api/public/tickets HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
      'transfer-encoding: chunked\r\n\r\n';
    const chunk = (n: number) =>
      Buffer.concat([
        Buffer.from(`${n.toString(16)}\r\n`),
        Buffer.alloc(n, 0x20),
        Buffer.from('\r\n'),
      ]);

    const answer = await rawRequest(head, 20 * mib, chunk);

    expect(statusOf(answer)).toBe(413);
    expect(answer.body).toContain('"error":"payload_too_large"');
    expect(answer.sentWhenAnswered).toBeLessThan(8 * mib);
    expect(await stillServing()).toBe(200);
  });

  it('answers a 30 MiB photo upload 413 on the file field and stores nothing', async () => {
    const head = `${photoHead(`content-length: ${30 * mib}\r\n`)}${partHead}`;
    const before = await t.handle.db.selectFrom('files').select('id').execute();

    const answer = await rawRequest(head, 30 * mib - partHead.length);

    expect(statusOf(answer)).toBe(413);
    expect(answer.body).toContain('"error":"payload_too_large"');
    expect(answer.body).toContain('"field":"file"');
    expect(answer.sentWhenAnswered).toBeLessThan(16 * mib);
    expect(await t.handle.db.selectFrom('files').select('id').execute()).toHaveLength(
      before.length,
    );
    expect(await stillServing()).toBe(200);
  });

  it('cuts a chunked photo upload at 10 MiB with 413 on the file field', async () => {
    const head = `${photoHead('transfer-encoding: chunked\r\n')}${chunked(partHead.length)
      .toString('latin1')
      .replace(/ +/, partHead)}`;

    const answer = await rawRequest(head, 64 * mib, chunked);

    expect(statusOf(answer)).toBe(413);
    expect(answer.body).toContain('"field":"file"');
    // 10 MiB read, plus what the loopback socket buffers hold on both sides.
    expect(answer.sentWhenAnswered).toBeLessThan(24 * mib);
    expect(answer.closed).toBe(true);
    expect(await stillServing()).toBe(200);
  });

  it('answers a multipart body that ends before its closing boundary 400, not 500', async () => {
    const body = `${partHead}only part of a photo`;
    const head = photoHead(`content-length: ${body.length}\r\n`) + body;

    const answer = await rawRequest(head, 0);

    expect(statusOf(answer)).toBe(400);
    expect(answer.body).toContain('"error":"bad_request"');
    expect(await stillServing()).toBe(200);
  });
});
