// The security headers (docs/security.md). @fastify/helmet builds helmet's middleware anew on
// every request, parsing the CSP directives again each time: a few percent of a workbench read
// (docs/performance.md). The headers depend only on the options, so they are read once, from a
// private app with the same plugin and options, and one hook sets them on every request.
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

async function headersOf(app: FastifyInstance): Promise<Record<string, string>> {
  app.get('/', () => '');
  const res = await app.inject({ url: '/' });
  await app.close();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    headers[name] = String(value);
  }
  return headers;
}

/** The headers helmet sends with these options: its answer's headers less a bare answer's. */
export async function securityHeaders(
  options: FastifyHelmetOptions,
): Promise<Record<string, string>> {
  const bare = await headersOf(Fastify());
  const withHelmet = Fastify();
  await withHelmet.register(helmet, options);
  const all = await headersOf(withHelmet);
  return Object.fromEntries(Object.entries(all).filter(([name]) => !(name in bare)));
}

/**
 * Sets helmet's headers on every request, first thing, as the plugin does: on the raw response,
 * so a route's own header of the same name (a photo's CSP) still wins and an error answer keeps
 * them.
 */
export async function installSecurityHeaders(
  app: FastifyInstance,
  options: FastifyHelmetOptions,
): Promise<void> {
  const headers = Object.entries(await securityHeaders(options));
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) {
      reply.raw.setHeader(name, value);
    }
    done();
  });
}
