import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timelineKinds } from '../../contract/buildings.js';
import { mattersCatalogue } from '../org/matters-catalogue.js';
import { ConfigError, loadConfig } from '../config.js';
import { causeToEffect } from './timeline.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-reinspection-config-'));

describe('REINSPECTION_DAYS and REINSPECTION_MATTERS', () => {
  it('default to 30 days after 群租, 违法搭建 and 楼道堆物 cases', () => {
    const settings = loadConfig({ DATA_DIR: dataDir }).reinspection;
    expect(settings).toEqual({ days: 30, matterCodes: ['QZ', 'WFDJ', 'LDDW'] });
    const names = settings.matterCodes.map((c) => mattersCatalogue.find((m) => m.code === c)?.name);
    expect(names).toEqual([
      '群租',
      '违法搭建建筑物、构筑物（物业管理区域内）',
      '楼道堆物、擅自占用物业共用部分',
    ]);
  });

  it('take another number of days and another list of matters', () => {
    const settings = loadConfig({
      DATA_DIR: dataDir,
      REINSPECTION_DAYS: '14',
      REINSPECTION_MATTERS: 'fxcd,DCSN,FXCD',
    }).reinspection;
    expect(settings).toEqual({ days: 14, matterCodes: ['FXCD', 'DCSN'] });
  });

  it('stop the start on a wrong value, naming the setting', () => {
    for (const [name, value] of [
      ['REINSPECTION_DAYS', '0'],
      ['REINSPECTION_DAYS', '2.5'],
      ['REINSPECTION_MATTERS', 'QZ,,WFDJ'],
      ['REINSPECTION_MATTERS', 'QZ WFDJ'],
    ] as const) {
      expect(() => loadConfig({ DATA_DIR: dataDir, [name]: value }), value).toThrow(
        new RegExp(name),
      );
    }
    expect(() => loadConfig({ DATA_DIR: dataDir, REINSPECTION_DAYS: '-1' })).toThrow(ConfigError);
  });
});

describe('the order of one instant in the timeline', () => {
  it('ranks every kind of item exactly once', () => {
    expect([...causeToEffect].sort()).toEqual([...timelineKinds].sort());
  });
});
