import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-config-'));

describe('settings', () => {
  it('needs nothing on a first run: port 3000 and SQLite under data/', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', file: path.join(dataDir, 'linli.sqlite') });
    expect(config.dataKey).toHaveLength(32);
  });

  it('switches to PostgreSQL with a postgres:// DATABASE_URL', () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/linli',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/linli' });
  });

  it('stops with a message naming each wrong setting', () => {
    expect(() =>
      loadConfig({ DATA_DIR: dataDir, PORT: 'eighty', DATABASE_URL: 'mysql://x' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ DATA_DIR: dataDir, PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect(String(error)).toContain('PORT');
      expect(String(error)).toContain('DATABASE_URL');
    }
  });

  it('keeps the generated data key across starts', () => {
    const a = loadConfig({ DATA_DIR: dataDir }).dataKey.toString('hex');
    const b = loadConfig({ DATA_DIR: dataDir }).dataKey.toString('hex');
    expect(a).toBe(b);
  });

  it('refuses a DATA_KEY that is not 256 bits of hex', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, DATA_KEY: 'abc' })).toThrow(/DATA_KEY/);
  });
});
