// Fault class 17 of RELIABILITY §4 (Decidim CVE-2023-47634: a race let one person endorse
// several times): single-use actions sent several times at once are taken once. A credit repair
// application for one decision, sent five times together, gives one receipt and four refusals;
// an SMS code checked five times together opens one session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/contract/common.js';
import { json } from '../app.js';
import {
  application,
  apply,
  openCreditScene,
  uploadMaterial,
  type CreditScene,
} from '../credit-scene.js';

let s: CreditScene;

beforeAll(async () => {
  s = await openCreditScene();
  s.at('2026-06-15T10:00:00');
});

afterAll(async () => {
  await s.close();
});

/** The code of the newest SMS, read as the outbox worker reads it. */
async function sentCode(): Promise<string> {
  const row = await s.t.handle.db
    .selectFrom('outbox')
    .select('payload')
    .where('event', '=', 'verification_code')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const payload = JSON.parse(row.payload) as { codeEnc: string };
  return s.t.ctx.cipher.decrypt(payload.codeEnc);
}

describe('Race on a single-use action (fault class 17)', () => {
  it('takes one of five credit repair applications for one decision sent at once', async () => {
    // Each has its own files, so only the rule of one application per decision can stop four.
    const bodies = [];
    for (let i = 0; i < 5; i += 1) {
      const photos = [await uploadMaterial(s.t), await uploadMaterial(s.t)];
      bodies.push(
        application([
          { item: 'application_form', photoId: photos[0] ?? '' },
          { item: 'identity', photoId: photos[1] ?? '' },
        ]),
      );
    }
    const answers = await Promise.all(bodies.map((body) => apply(s.t, body)));

    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 422, 422, 422, 422]);
    const refused = answers.filter((r) => r.statusCode === 422).map((r) => json<ErrorBody>(r));
    expect(refused.map((b) => b.details?.[0]?.message)).toEqual(
      Array(4).fill('该行政处罚信息已有信用修复申请正在办理或已修复'),
    );
    const rows = await s.t.handle.db.selectFrom('credit_repairs').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('opens one session for an SMS code checked five times at once', async () => {
    const phone = '13700009999';
    const asked = await s.t.app.inject({
      method: 'POST',
      url: '/api/public/mine/code',
      payload: { phone },
    });
    expect(asked.statusCode).toBe(202);
    const code = await sentCode();
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        s.t.app.inject({
          method: 'POST',
          url: '/api/public/mine/verify',
          payload: { phone, code },
        }),
      ),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([204, 401, 401, 401, 401]);
    const refused = answers.filter((r) => r.statusCode === 401).map((r) => json<ErrorBody>(r));
    expect(refused.map((b) => b.error)).toEqual(Array(4).fill('verification_failed'));
  });
});
