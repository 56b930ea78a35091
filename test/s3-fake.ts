// A small S3-compatible object store for tests, path-style only (`/bucket/key`): PUT, GET,
// HEAD and DELETE of objects and HEAD of the bucket, kept in memory. Like the fake SMS gateway
// it replaces an outbound service only; it records every request so a test can check that the
// SDK signed it (Authorization, x-amz-date) and hashed the bytes it sent (x-amz-content-sha256).
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the store received. */
export interface S3Request {
  method: string;
  path: string;
  authorization: string | undefined;
  amzDate: string | undefined;
  contentSha256: string | undefined;
  /** The SHA-256 of the body as received, hex. */
  bodySha256: string;
}

/** A running fake store on 127.0.0.1 and a random port. */
export interface FakeS3 {
  endpoint: string;
  bucket: string;
  objects: Map<string, Buffer>;
  requests: S3Request[];
  /** When set, every request is answered with this status (e.g. 403 for a refused key). */
  refuseWith: number | null;
  close(): Promise<void>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function xmlError(res: http.ServerResponse, status: number, code: string, head: boolean): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(head ? undefined : `<?xml version="1.0"?><Error><Code>${code}</Code></Error>`);
}

function answer(store: FakeS3, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://fake');
  const [, bucket = '', ...rest] = url.pathname.split('/');
  const key = decodeURIComponent(rest.join('/'));
  const head = req.method === 'HEAD';
  const found = store.objects.get(key);
  if (store.refuseWith !== null) {
    xmlError(res, store.refuseWith, 'AccessDenied', head);
  } else if (bucket !== store.bucket) {
    xmlError(res, 404, 'NoSuchBucket', head);
  } else if (key === '') {
    if (head) {
      res.writeHead(200).end();
    } else {
      xmlError(res, 400, 'InvalidRequest', false);
    }
  } else if (req.method === 'PUT') {
    store.objects.set(key, body);
    res.writeHead(200, { etag: `"${sha256(body).slice(0, 32)}"` }).end();
  } else if (req.method === 'DELETE') {
    store.objects.delete(key);
    res.writeHead(204).end();
  } else if (!found) {
    xmlError(res, 404, 'NoSuchKey', head);
  } else {
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(found.length),
    });
    res.end(head ? undefined : found);
  }
}

/** Starts the fake store with one bucket. */
export async function startFakeS3(bucket = 'linli-files'): Promise<FakeS3> {
  const store: FakeS3 = {
    endpoint: '',
    bucket,
    objects: new Map(),
    requests: [],
    refuseWith: null,
    close: () => Promise.resolve(),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      store.requests.push({
        method: req.method ?? '',
        path: decodeURIComponent(new URL(req.url ?? '/', 'http://fake').pathname),
        authorization: req.headers.authorization,
        amzDate: req.headers['x-amz-date'] as string | undefined,
        contentSha256: req.headers['x-amz-content-sha256'] as string | undefined,
        bodySha256: sha256(body),
      });
      answer(store, req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  store.endpoint = `http://127.0.0.1:${port}`;
  store.close = () =>
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
  return store;
}
