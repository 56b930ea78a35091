// A fake HTTP SMS gateway for notification tests: the one outbound service tests replace
//. It records every request and fails the first `failFirst` of them with a 503.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the gateway received. */
export interface GatewayRequest {
  authorization: string | undefined;
  body: { to: string; text: string; id: string };
}

/** A running fake gateway on 127.0.0.1 and a random port. */
export interface FakeGateway {
  url: string;
  requests: GatewayRequest[];
  /** How many of the next requests fail; negative: all of them. */
  failFirst: number;
  close(): Promise<void>;
}

/** Starts a fake gateway that fails the first `failFirst` requests, then answers 200. */
export async function startFakeGateway(failFirst = 0): Promise<FakeGateway> {
  const gateway: FakeGateway = {
    url: '',
    requests: [],
    failFirst,
    close: () => Promise.resolve(),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GatewayRequest['body'];
      gateway.requests.push({ authorization: req.headers.authorization, body });
      const fail = gateway.failFirst !== 0;
      if (gateway.failFirst > 0) {
        gateway.failFirst -= 1;
      }
      res.writeHead(fail ? 503 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(fail ? { error: 'unavailable' } : { ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  gateway.url = `http://127.0.0.1:${port}/send`;
  gateway.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => {
        if (error) {
          reject(error);
        } else {
          resolve();
        }
      });
    });
  return gateway;
}
