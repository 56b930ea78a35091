// Fault class 4 of RELIABILITY §4 (Ushahidi SA-WEB-2012-004: the same session-cookie key on
// every install, so sessions could be forged): Linli ships no secret. Without DATA_KEY each
// install generates its own 256-bit key, readable by its owner only; the example settings hold
// no key, secret or token value; the audit key of two installs differs with their data keys.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';

const dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'linli-secrets-')));

afterAll(() => {
  for (const d of dirs) {
    rmSync(d, { recursive: true, force: true });
  }
});

describe('shared default secrets (fault class 4)', () => {
  it('gives two installs without DATA_KEY different keys, in files only the owner reads', () => {
    const [a, b] = dirs.map((DATA_DIR) => loadConfig({ DATA_DIR }));
    if (!a || !b) {
      throw new Error('two installs expected');
    }
    expect(a.dataKey).toHaveLength(32);
    expect(a.dataKey.equals(b.dataKey)).toBe(false);
    expect(a.audit.key.equals(b.audit.key)).toBe(false);
    expect(a.dataKey.equals(Buffer.alloc(32))).toBe(false);
    for (const d of dirs) {
      expect(statSync(path.join(d, 'data.key')).mode & 0o777).toBe(0o600);
    }
  });

  it('ships no value for any key, secret, token or password in .env.example', () => {
    const example = readFileSync(
      fileURLToPath(new URL('../../.env.example', import.meta.url)),
      'utf8',
    );
    const secrets = example
      .split('\n')
      .map((line) => line.replace(/^#\s*/, ''))
      .filter((line) => /^[A-Z0-9_]*(KEY|SECRET|TOKEN|PASSWORD)=/.test(line));
    expect(secrets.length).toBeGreaterThan(2);
    expect(secrets.filter((line) => !/=\s*$/.test(line))).toEqual([]);
  });
});
