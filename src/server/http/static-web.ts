import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether a GET for this URL should get the web app's index.html: every page address a browser
 * asks for, so that an unknown one shows the app's own not-found page. The API, the health check
 * and file names (a missing asset) answer the JSON 404 instead.
 */
export function isAppPath(url: string, accept: string | undefined): boolean {
  const pathname = url.split('?')[0] ?? '';
  if (pathname.startsWith('/api/') || pathname === '/api' || pathname === '/healthz') {
    return false;
  }
  if (/\.[A-Za-z0-9]+$/.test(pathname)) {
    return false;
  }
  return accept === undefined || accept.includes('text/html') || accept.includes('*/*');
}

/** Serves the built web app from `root`, when it has been built. */
export async function registerStaticWeb(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(path.join(root, 'index.html'))) {
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders(res, file) {
      const immutable = file.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
