import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/factories.js';
import type { Scores } from '../../contract/assessment.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import { createContext } from '../context-factory.js';
import type { AppContext } from '../context.js';
import type { DatabaseHandle } from '../db/database.js';
import { overdue } from '../dashboard/service.js';
import { seedDemoOrg } from '../org/service.js';
import { listCampaigns } from '../surveys/service.js';
import { seedAssessmentDemo } from './demo.js';
import { listExemplary } from './exemplary.js';
import { assessmentScores } from './service.js';

const bureau = { id: '', role: 'bureau_admin' as const, streetId: null, sessionId: 'test' };

function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${String(Math.ceil(Number(day.slice(5, 7)) / 3))}`;
}

/** Every street with a total and a score in each of the six dimensions. */
function expectEveryDimension(scores: Scores, streets: number) {
  expect(scores.streets).toHaveLength(streets);
  for (const s of scores.streets) {
    expect(s.total, s.streetName).not.toBeNull();
    expect(s.rank, s.streetName).not.toBeNull();
    expect(s.dimensions.map((d) => d.key)).toHaveLength(6);
    for (const d of s.dimensions) {
      expect(d.score, `${s.streetName} ${d.key}`).not.toBeNull();
    }
  }
}

/** Seeds the demo organisation and the assessment demo with the clock at `now`. */
function sceneAt(now: Date) {
  const scene = {
    ctx: undefined as unknown as AppContext,
    handle: undefined as unknown as DatabaseHandle,
  };
  let dir = '';
  beforeAll(async () => {
    scene.handle = await openTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-assessment-demo-'));
    const settings = {
      dataKey: Buffer.alloc(32, 7),
      filesDir: path.join(dir, 'files'),
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      publicBaseUrl: null,
    };
    scene.ctx = createContext(settings, scene.handle, () => now);
    await seedDemoOrg(scene.handle.db, { now });
    expect(await seedAssessmentDemo(scene.ctx)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await scene.handle.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return scene;
}

describe('the assessment demo in the middle of a quarter', () => {
  const now = new Date('2026-11-18T15:00:00+08:00');
  const scene = sceneAt(now);

  it('scores every demo street in every dimension for the current quarter and month', async () => {
    const today = shanghaiDate(now);
    expectEveryDimension(await assessmentScores(scene.ctx, quarterOf(today)), 12);
    const month = await assessmentScores(scene.ctx, today.slice(0, 7));
    expectEveryDimension(month, 12);
    const totals = new Set(month.streets.map((s) => s.total));
    expect(totals.size).toBeGreaterThan(3);
  });

  it('has a running survey campaign with answers and exemplary work with evidence', async () => {
    const campaigns = await listCampaigns(scene.ctx, bureau);
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]?.open).toBe(true);
    expect(campaigns[0]?.answered).toBeGreaterThanOrEqual(36);
    const exemplary = await listExemplary(scene.ctx, { period: shanghaiDate(now).slice(0, 7) });
    expect(exemplary).toHaveLength(1);
    expect(exemplary[0]?.evidence).toHaveLength(1);
  });

  it('leaves tickets overdue now in every street for the dashboard', async () => {
    const list = await overdue(scene.ctx, bureau, undefined);
    expect(list.byStreet).toHaveLength(12);
  });

  it('changes nothing when it runs again', async () => {
    const count = async () =>
      Number(
        (
          await scene.handle.db
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect(await seedAssessmentDemo(scene.ctx)).toBe(false);
    expect(await count()).toBe(before);
  });
});

describe('the assessment demo in the first minutes of a quarter', () => {
  const now = new Date('2027-01-01T00:20:00+08:00');
  const scene = sceneAt(now);

  it('still scores every street in every dimension for the new month and quarter', async () => {
    expectEveryDimension(await assessmentScores(scene.ctx, '2027-Q1'), 12);
    expectEveryDimension(await assessmentScores(scene.ctx, '2027-01'), 12);
  });
});
