// A stand-in for the city-operations platform (区街城运平台): it signs and sends work orders to
// Linli the way the platform does (repeats included), and takes Linli's callbacks on a small HTTP
// server, refusing some to make Linli retry and keeping per order only the newest state.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CityOpsCallback, CityOpsOrder } from '../src/contract/city-ops.js';
import { cityOpsSignatureHeader, cityOpsTimestampHeader } from '../src/contract/city-ops.js';
import { signBody } from '../src/server/city-ops/signature.js';

/** One callback as it reached the platform, and what the platform answered. */
export interface ReceivedCallback {
  callback: CityOpsCallback;
  status: number;
  signatureOk: boolean;
}

/** What a send to Linli answered. */
export interface SendResult {
  status: number;
  body: Record<string, unknown>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** The simulated platform. */
export class CityOpsSimulator {
  /** Every callback that arrived, in arrival order. */
  readonly received: ReceivedCallback[] = [];
  /** Per order, the callback with the highest sequence taken: the platform's view. */
  readonly latest = new Map<string, CityOpsCallback>();
  /** How many more callbacks to refuse with 503; the next ones are taken. */
  refuseNext = 0;
  private server: Server | null = null;

  constructor(
    private readonly secret: string,
    private readonly clock: () => Date,
  ) {}

  /** Starts the callback server on a free local port. */
  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void readBody(request).then((raw) => {
        response.statusCode = this.take(request, raw);
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  /** Where Linli should send its callbacks. */
  get callbackUrl(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}/callback`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server?.close(() => {
        resolve();
      }),
    );
  }

  private take(request: IncomingMessage, raw: string): number {
    const timestamp = String(request.headers[cityOpsTimestampHeader] ?? '');
    const signatureOk =
      request.headers[cityOpsSignatureHeader] === signBody(this.secret, timestamp, raw);
    const callback = JSON.parse(raw) as CityOpsCallback;
    let status = signatureOk ? 200 : 401;
    if (signatureOk && this.refuseNext > 0) {
      this.refuseNext -= 1;
      status = 503;
    }
    this.received.push({ callback, status, signatureOk });
    const known = this.latest.get(callback.orderId);
    // A stale update (lower sequence) is acknowledged and dropped, as the platform does.
    if (status === 200 && (!known || known.sequence < callback.sequence)) {
      this.latest.set(callback.orderId, callback);
    }
    return status;
  }

  /** Signs and POSTs an order to Linli; `signedAt` and `secret` let a test send a bad one. */
  async send(
    baseUrl: string,
    order: CityOpsOrder | Record<string, unknown>,
    options: { signedAt?: Date; secret?: string; rawBody?: string } = {},
  ): Promise<SendResult> {
    const raw = options.rawBody ?? JSON.stringify(order);
    const timestamp = Math.floor((options.signedAt ?? this.clock()).getTime() / 1000);
    const response = await fetch(`${baseUrl}/api/integrations/city-ops/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [cityOpsTimestampHeader]: String(timestamp),
        [cityOpsSignatureHeader]: signBody(options.secret ?? this.secret, timestamp, raw),
      },
      body: raw,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /**
   * Sends each order `times` times, all at once and in an order of its own (the platform retries
   * when an answer is slow, and its queue does not keep order): the answers, per order.
   */
  async sendWithRetries(
    baseUrl: string,
    orders: CityOpsOrder[],
    times: number,
  ): Promise<Map<string, SendResult[]>> {
    const sends = orders.flatMap((order) => Array.from({ length: times }, () => order));
    // A fixed shuffle: the last orders go first, repeats interleaved.
    const shuffled = sends.map((order, i) => ({ order, key: (i * 7919) % sends.length }));
    shuffled.sort((a, b) => a.key - b.key);
    const results = await Promise.all(
      shuffled.map(async ({ order }) => ({ order, result: await this.send(baseUrl, order) })),
    );
    const byOrder = new Map<string, SendResult[]>();
    for (const { order, result } of results) {
      byOrder.set(order.orderId, [...(byOrder.get(order.orderId) ?? []), result]);
    }
    return byOrder;
  }
}
