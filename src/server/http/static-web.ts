import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths the single-page app answers; anything else unknown is a JSON 404. */
const appPaths = /^\/(b|t|workbench|matters|mine|credit|qa|suggest|online|guide|learn)(\/|$)|^\/$/;

/** Whether a GET for this URL should get the web app's index.html. */
export function isAppPath(url: string): boolean {
  return appPaths.test(url.split('?')[0] ?? '');
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
