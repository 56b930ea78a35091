// Fault class 20 of RELIABILITY §4 (Decidim CVE-2026-45573: a push-subscription URL became a
// stored SSRF). Linli makes outbound requests only to addresses the operator sets
// (SMS_GATEWAY_URL, CITY_OPS_CALLBACK_URL): no request of the API carries a URL, callback or
// webhook the server would later call, and the only outbound calls in the server code are the
// two senders that read those settings. Open311's media_url is kept as a link, never fetched.
// The start refuses those settings when they point at this host or a metadata service
// (src/server/outbound-address.ts), unless OUTBOUND_ALLOW_LOOPBACK=true.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { json, startTestApp, type TestApp } from '../app.js';

const serverDir = fileURLToPath(new URL('../../src/server/', import.meta.url));
let t: TestApp;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-ssrf-'));
const startEnv = {
  DATA_DIR: dataDir,
  DATA_KEY: randomBytes(32).toString('hex'),
};

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every property name (with its path) of a JSON schema, and whether it is typed as a URI. */
function properties(schema: unknown, where: string, out: string[]): void {
  if (!schema || typeof schema !== 'object') {
    return;
  }
  const s = schema as Record<string, unknown>;
  if (s.format === 'uri' || s.format === 'url') {
    out.push(`${where} (format ${s.format})`);
  }
  for (const [key, value] of Object.entries(s)) {
    const next = key === 'properties' || key === 'items' ? where : `${where}.${key}`;
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
        if (/(^|_)(url|uri)(_|$)|[a-z](Url|Uri)$|callback|webhook|endpoint/i.test(name)) {
          out.push(`${where}.${name}`);
        }
        properties(sub, `${where}.${name}`, out);
      }
    } else {
      properties(value, next, out);
    }
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      return sourceFiles(full);
    }
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('SSRF through outbound URLs (fault class 20)', () => {
  it('takes no URL it would call in any request: Open311’s media_url is only a link', async () => {
    const doc = json<{ paths: Record<string, Record<string, Record<string, unknown>>> }>(
      await t.app.inject({ url: '/api/openapi.json' }),
    );
    expect(Object.keys(doc.paths).length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        properties(op.requestBody, `${method.toUpperCase()} ${route} body`, found);
        properties(op.parameters, `${method.toUpperCase()} ${route} params`, found);
      }
    }
    // Open311's media_url is a partner's link to its own photo: stored and shown as a link,
    // never fetched (the second test proves that nothing in the server calls it).
    // It is documented once per body encoding the route takes.
    expect(found.sort()).toEqual([
      'POST /open311/v2/requests.{format} body.content.application/json.schema.media_url',
      'POST /open311/v2/requests.{format} body.content.application/x-www-form-urlencoded.schema.media_url',
    ]);
  });

  it('calls out only from the SMS and city-operations senders, to their configured URL', () => {
    const outbound = sourceFiles(serverDir)
      .filter((f) =>
        /\bfetch\(|https?\.request\(|\.get\(\s*['"`]https?:/.test(readFileSync(f, 'utf8')),
      )
      .map((f) => path.relative(serverDir, f))
      .sort();
    expect(outbound).toEqual(['city-ops/sender.ts', 'notifications/adapters.ts']);
    for (const file of outbound) {
      const text = readFileSync(path.join(serverDir, file), 'utf8');
      expect(text, file).toMatch(/fetch\(options\.url,/);
    }
  });

  it.each([
    'http://127.0.0.1:8080/send',
    'http://localhost/send',
    'http://LOCALHOST./send',
    'http://2130706433/send',
    'http://0x7f.1/send',
    'http://0.0.0.0/send',
    'http://[::1]/send',
    'http://[::ffff:127.0.0.1]/send',
    'http://169.254.169.254/latest/meta-data/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://100.100.100.200/latest/meta-data/',
  ])('stops the start naming the setting when an outbound URL is %s', (url) => {
    for (const setting of ['SMS_GATEWAY_URL', 'CITY_OPS_CALLBACK_URL']) {
      const env = { ...startEnv, [setting]: url };

      expect(() => loadConfig(env), setting).toThrow(
        new RegExp(`${setting}: points at .*OUTBOUND_ALLOW_LOOPBACK=true`),
      );
      expect(loadConfig({ ...env, OUTBOUND_ALLOW_LOOPBACK: 'true' }).cityOps).toBeDefined();
    }
  });

  it('starts with intranet and public addresses for the SMS gateway and city operations', () => {
    const config = loadConfig({
      ...startEnv,
      SMS_GATEWAY_URL: 'http://10.20.30.40:9000/send',
      CITY_OPS_CALLBACK_URL: 'https://cityops.example.gov.cn/linli/callback',
    });

    expect(config.notify.gatewayUrl).toBe('http://10.20.30.40:9000/send');
    expect(config.cityOps.callbackUrl).toBe('https://cityops.example.gov.cn/linli/callback');
  });
});
