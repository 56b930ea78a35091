import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicQaList } from '../../contract/qa.js';
import type { AdoptedList, PublicCampaign } from '../../contract/suggestions.js';
import { json, startTestApp, type TestApp } from '../../../test/app.js';
import { seedQaDemo } from '../consultations/demo.js';
import { seedSuggestionsDemo } from './demo.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T02:00:00.000Z'));
  await seedQaDemo(t.handle.db, t.clock.now);
  await seedSuggestionsDemo(t.handle.db, t.ctx.cipher, t.clock.now);
});

afterAll(async () => {
  await t.close();
});

describe('the demo for npm start', () => {
  it('publishes three Q&As and one open and one closed campaign with its report', async () => {
    const qa = json<PublicQaList>(await t.app.inject({ url: '/api/public/qa' }));
    expect(qa.total).toBe(3);
    const campaigns = json<{ items: PublicCampaign[] }>(
      await t.app.inject({ url: '/api/public/suggestion-campaigns' }),
    );
    expect(campaigns.items.map((c) => [c.phase, c.receivedCount, c.publicReport !== null])).toEqual(
      [
        ['open', 0, false],
        ['closed', 3, true],
      ],
    );
  });

  it('lists the two adopted suggestions whose proposers agreed, masked', async () => {
    const adopted = json<AdoptedList>(
      await t.app.inject({ url: '/api/public/adopted-suggestions' }),
    );
    expect(adopted.items.map((s) => [s.adoptionLevel, s.proposer]).sort()).toEqual([
      ['adopted', '王*'],
      ['partly_adopted', '李*'],
    ]);
  });
});
