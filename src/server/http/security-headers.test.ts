// The security headers worked out once must be the very headers the helmet plugin sends on each
// request, also when a route sets one of them itself or the request fails.
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { installSecurityHeaders, securityHeaders } from './security-headers.js';

const options = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"] } },
  crossOriginEmbedderPolicy: false,
};

function withRoutes(app: FastifyInstance): FastifyInstance {
  app.get('/ok', () => ({ ok: true }));
  app.get('/photo', (_request, reply) =>
    reply.header('content-security-policy', "default-src 'none'").send('bytes'),
  );
  app.get('/fails', () => {
    throw new Error('broken');
  });
  return app;
}

async function answers(app: FastifyInstance) {
  const all = [];
  for (const url of ['/ok', '/photo', '/fails', '/missing']) {
    const res = await app.inject({ url });
    // The date is the only header that may differ between two answers.
    const headers = Object.entries(res.headers).filter(([name]) => name !== 'date');
    all.push({ url, status: res.statusCode, headers: Object.fromEntries(headers) });
  }
  await app.close();
  return all;
}

describe('security headers', () => {
  it('are those of the helmet plugin with the same options', async () => {
    const headers = await securityHeaders(options);
    const csp = headers['content-security-policy']?.split(';') ?? [];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['cross-origin-embedder-policy']).toBeUndefined();
    expect(headers['date']).toBeUndefined();
    expect(headers['content-length']).toBeUndefined();
  });

  it('answer every request as the plugin does: ok, own CSP, error, not found', async () => {
    const plugin = Fastify();
    await plugin.register(helmet, options);
    const once = Fastify();
    await installSecurityHeaders(once, options);
    const expected = await answers(withRoutes(plugin));
    const actual = await answers(withRoutes(once));
    expect(actual).toEqual(expected);
    expect(actual[1]?.headers['content-security-policy']).toBe("default-src 'none'");
  });
});
