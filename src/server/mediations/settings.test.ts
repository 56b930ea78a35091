import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-mediation-config-'));

describe('MEDIATION_CHECK_DAYS', () => {
  it('defaults to a check 7 days after the performance deadline', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).mediation).toEqual({ checkDaysAfterDeadline: 7 });
  });

  it('takes another number of days, 0 meaning the deadline itself', () => {
    const days = (value: string) =>
      loadConfig({ DATA_DIR: dataDir, MEDIATION_CHECK_DAYS: value }).mediation
        .checkDaysAfterDeadline;
    expect(days('14')).toBe(14);
    expect(days('0')).toBe(0);
  });

  it('stops the start on a negative or fractional value, naming the setting', () => {
    for (const value of ['-1', '2.5', 'a week']) {
      expect(() => loadConfig({ DATA_DIR: dataDir, MEDIATION_CHECK_DAYS: value })).toThrow(
        /MEDIATION_CHECK_DAYS/,
      );
    }
    expect(() => loadConfig({ DATA_DIR: dataDir, MEDIATION_CHECK_DAYS: '-1' })).toThrow(
      ConfigError,
    );
  });
});
