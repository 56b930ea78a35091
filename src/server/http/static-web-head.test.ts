// A HEAD for a page answers as its GET does, without the body: uptime checks and `curl -I` ask
// for the pages that way, and a 404 there would report a running site as down.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { buildApp } from '../app.js';

let t: TestApp;
let app: FastifyInstance;

beforeAll(async () => {
  t = await startTestApp();
  const webRoot = mkdtempSync(path.join(os.tmpdir(), 'linli-web-'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>邻里</title>');
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1);');
  app = await buildApp(t.ctx, { logLevel: 'silent', webRoot });
});

afterAll(async () => {
  await app.close();
  await t.close();
});

describe('HEAD of the web pages', () => {
  it('answers 200 with the page headers and no body, like the GET', async () => {
    for (const url of ['/', '/workbench', '/workbench/admin/staff', '/b/abc', '/online']) {
      const head = await app.inject({ method: 'HEAD', url, headers: { accept: 'text/html' } });
      const get = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

      expect(head.statusCode, url).toBe(200);
      expect(get.statusCode, url).toBe(200);
      expect(head.headers['content-type'], url).toBe(get.headers['content-type']);
      expect(head.headers['content-security-policy'], url).toBeDefined();
      expect(head.body, url).toBe('');
    }
  });

  it('answers an asset and leaves the API and a missing file to the 404', async () => {
    const asset = await app.inject({ method: 'HEAD', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect((await app.inject({ method: 'HEAD', url: '/api/nothing' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'HEAD', url: '/assets/gone.js' })).statusCode).toBe(404);
  });
});
