import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, CampaignResults, PublicCampaign } from '../../contract/surveys.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import {
  createPlacardScene,
  createStaff,
  createStreet,
  factoryPassword,
  type PlacardScene,
} from '../../../test/factories.js';
import { loadConfig } from '../config.js';
import { surveySatisfaction } from './service.js';

let t: TestApp;
let scene: PlacardScene;
let bureau: string;
let campaign: Campaign;
const questions = ['总体满意度', '联络员响应', '办理结果'];

// The test clock stands at 2025-09-30 15:20 in Shanghai.
async function create(body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/staff/surveys',
    headers: { cookie: bureau },
    payload: {
      title: '九月测评',
      opensOn: '2025-09-01',
      closesOn: '2025-10-31',
      questions,
      ...body,
    },
  });
}

function answer(id: string, body: Record<string, unknown>, address = '10.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/surveys/${id}/answers`,
    remoteAddress: address,
    payload: { choices: ['satisfied', 'satisfied', 'unsatisfied'], ...body },
  });
}

const device = (n: number) => `device-key-${String(n).padStart(8, '0')}`;

beforeAll(async () => {
  t = await startTestApp();
  scene = await createPlacardScene(t.handle.db);
  const boss = await createStaff(t.handle.db, { role: 'bureau_admin' });
  bureau = await loginAs(t.app, boss.username, factoryPassword);
  const res = await create({ streetId: scene.street.id, commentMax: 20 });
  expect(res.statusCode, res.body).toBe(201);
  campaign = json<Campaign>(res);
});

afterAll(async () => {
  await t.close();
});

describe('survey answers', () => {
  it('offers the open campaign of the street on its placard', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/placards/${scene.building.placard_token}/surveys`,
    });
    const { items } = json<{ items: PublicCampaign[] }>(res);
    expect(items.map((c) => [c.id, c.questions.length, c.open])).toEqual([[campaign.id, 3, true]]);
  });

  it('takes one answer per device; the second gets 409 naming the device key', async () => {
    const first = await answer(campaign.id, {
      deviceKey: device(1),
      placardToken: scene.building.placard_token,
      comment: '联络员很负责',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await answer(campaign.id, { deviceKey: device(1) }, '10.0.0.2');
    expect(second.statusCode).toBe(409);
    const body = json<{ error: string; details: { field: string }[] }>(second);
    expect([body.error, body.details[0]?.field]).toEqual(['survey_already_answered', 'deviceKey']);
  });

  it('stores no identity: only a keyed hash of the device key', async () => {
    const rows = await t.handle.db
      .selectFrom('survey_answers')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        'answered_at',
        'building_id',
        'campaign_id',
        'choices',
        'comment',
        'device_hash',
        'id',
        'overall',
        'street_id',
      ].sort(),
    );
    expect(row?.device_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(device(1));
    expect(JSON.stringify(row)).not.toContain('10.0.0.1');
    expect([row?.building_id, row?.overall]).toEqual([scene.building.id, 'satisfied']);
  });

  it('refuses an answer missing a question or with a comment too long', async () => {
    const short = await answer(campaign.id, { deviceKey: device(2), choices: ['satisfied'] });
    expect(json<{ details: { field: string }[] }>(short).details[0]?.field).toBe('choices');
    const long = await answer(campaign.id, { deviceKey: device(2), comment: '很'.repeat(21) });
    expect(long.statusCode).toBe(400);
    expect(json<{ details: { field: string }[] }>(long).details[0]?.field).toBe('comment');
  });

  it('refuses an answer to a closed campaign', async () => {
    const res = await create({ opensOn: '2025-08-01', closesOn: '2025-08-31' });
    const closed = json<Campaign>(res);
    expect(closed.open).toBe(false);
    const refused = await answer(closed.id, { deviceKey: device(3), streetId: scene.street.id });
    expect([refused.statusCode, json(refused).error]).toEqual([422, 'survey_closed']);
  });

  it('asks for the street of an all-street campaign opened without a placard', async () => {
    const all = json<Campaign>(await create({ streetId: null }));
    const res = await answer(all.id, { deviceKey: device(4) });
    expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe('streetId');
    const ok = await answer(all.id, { deviceKey: device(4), streetId: scene.street.id });
    expect(ok.statusCode).toBe(201);
  });

  it('stops one address after 30 answers a day', async () => {
    const other = json<Campaign>(await create({ streetId: scene.street.id }));
    for (let n = 0; n < 30; n++) {
      const ok = await answer(other.id, { deviceKey: device(100 + n) }, '10.9.9.9');
      expect(ok.statusCode).toBe(201);
    }
    const refused = await answer(other.id, { deviceKey: device(200) }, '10.9.9.9');
    expect(refused.statusCode).toBe(429);
  });

  it('takes the daily limit per address from the setting', async () => {
    const other = json<Campaign>(await create({ streetId: scene.street.id }));
    t.ctx.surveys.answersPerAddressDay = 2;
    try {
      for (const n of [0, 1]) {
        expect(
          (await answer(other.id, { deviceKey: device(500 + n) }, '10.7.7.7')).statusCode,
        ).toBe(201);
      }
      const refused = await answer(other.id, { deviceKey: device(502) }, '10.7.7.7');
      expect(refused.statusCode).toBe(429);
    } finally {
      t.ctx.surveys.answersPerAddressDay = 30;
    }
  });

  it('reads the daily limit from SURVEY_ANSWERS_PER_ADDRESS_DAY and refuses a bad one', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-survey-config-'));
    try {
      expect(loadConfig({ DATA_DIR: dataDir }).surveys.answersPerAddressDay).toBe(30);
      const set = loadConfig({ DATA_DIR: dataDir, SURVEY_ANSWERS_PER_ADDRESS_DAY: '200' });
      expect(set.surveys.answersPerAddressDay).toBe(200);
      expect(() => loadConfig({ DATA_DIR: dataDir, SURVEY_ANSWERS_PER_ADDRESS_DAY: '0' })).toThrow(
        /SURVEY_ANSWERS_PER_ADDRESS_DAY/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('survey results', () => {
  it('counts the overall question of a street over a range exactly', async () => {
    const street = await createStreet(t.handle.db, { district_id: scene.street.district_id });
    const c = json<Campaign>(await create({ streetId: street.id }));
    const picks = ['satisfied', 'basically_satisfied', 'basically_satisfied', 'unsatisfied'];
    for (const [n, overall] of picks.entries()) {
      await answer(c.id, {
        deviceKey: device(300 + n),
        choices: [overall, 'unsatisfied', 'satisfied'],
      });
    }
    const inRange = await surveySatisfaction(t.ctx, {
      streetId: street.id,
      from: '2025-09-30T00:00:00.000Z',
      to: '2025-10-01T00:00:00.000Z',
    });
    expect(inRange).toEqual({ answered: 4, satisfied: 1, basicallySatisfied: 2 });
    const before = await surveySatisfaction(t.ctx, {
      streetId: street.id,
      from: '2025-09-01T00:00:00.000Z',
      to: '2025-09-30T00:00:00.000Z',
    });
    expect(before).toEqual({ answered: 0, satisfied: 0, basicallySatisfied: 0 });
  });

  it('shows the results per street and question, with the comments', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/staff/surveys/${campaign.id}/results`,
      headers: { cookie: bureau },
    });
    const r = json<CampaignResults>(res);
    expect(r.streets).toHaveLength(1);
    expect(r.streets[0]?.answered).toBe(1);
    expect(r.streets[0]?.questions.map((q) => [q.satisfied, q.unsatisfied])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(r.streets[0]?.comments).toEqual(['联络员很负责']);
  });

  it("hides another street's campaign from a street admin; only the bureau creates", async () => {
    const other = await createStreet(t.handle.db, { district_id: scene.street.district_id });
    const admin = await createStaff(t.handle.db, { role: 'street_admin', street_id: other.id });
    const cookie = await loginAs(t.app, admin.username, factoryPassword);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/staff/surveys/${campaign.id}/results`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(404);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff/surveys',
      headers: { cookie },
      payload: { title: 'x', opensOn: '2025-09-01', closesOn: '2025-09-30', questions },
    });
    expect(created.statusCode).toBe(403);
  });
});
