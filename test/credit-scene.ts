// What the credit-repair tests share: a penalty case of 殷行街道 decided on Thursday 12 March 2026
// (a fine of 500 元, so 一般失信信息 by default) and paid on 20 March, and short ways to upload a
// material and file an application through the public API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ids, openCaseScene, post, registration, step, type CaseScene } from './case-scene.js';
import { json, multipartPhoto, type TestApp } from './app.js';

/** The decision number of the scene's case. */
export const decisionNo = '殷城管罚〔2026〕1号';

/** The scene: the case scene with its decided, paid case. */
export interface CreditScene extends CaseScene {
  caseId: string;
}

/** Registers, notifies, decides, delivers and records the payment of the scene's case. */
export async function decidedPaidCase(s: CaseScene, overrides: Record<string, unknown> = {}) {
  const liaison = s.users.liaison;
  const ok = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBeLessThan(300);
    return JSON.parse(res.body) as { id: string };
  };
  s.at('2026-03-02T10:00:00');
  const created = ok(
    await post(s.t, await s.as(liaison), '/api/staff/cases', registration(overrides)),
  );
  ok(await step(s, liaison, created.id, 'investigate', { note: '现场检查' }));
  s.at('2026-03-09T09:30:00');
  ok(
    await step(s, liaison, created.id, 'notify', {
      deliveredOn: '2026-03-09',
      proposedFineFen: 50_000,
      hearingRight: false,
      summary: '拟对当事人处以罚款500元。',
    }),
  );
  s.at('2026-03-12T15:00:00');
  ok(
    await step(s, liaison, created.id, 'decide', {
      kind: 'penalty',
      decidedOn: '2026-03-12',
      decisionNo,
      fineFen: 50_000,
    }),
  );
  s.at('2026-03-16T10:00:00');
  ok(
    await step(s, liaison, created.id, 'deliver', { deliveredOn: '2026-03-16', method: 'direct' }),
  );
  s.at('2026-03-20T10:00:00');
  ok(await step(s, liaison, created.id, 'record_payment', { paidOn: '2026-03-20' }));
  return created.id;
}

/** Opens the case scene and decides the case. */
export async function openCreditScene(): Promise<CreditScene> {
  const s = await openCaseScene('2026-03-02T10:00:00');
  const caseId = await decidedPaidCase(s);
  return Object.assign(s, { caseId });
}

/** Uploads the test photo as a material and returns its id. */
export async function uploadMaterial(t: TestApp): Promise<string> {
  const uploads = path.resolve(import.meta.dirname, 'cases/uploads');
  const bytes = readFileSync(path.join(uploads, 'photo-exif-gps.jpg'));
  const { payload, headers } = multipartPhoto(bytes, 'scan.jpg');
  const res = await t.app.inject({ method: 'POST', url: '/api/public/photos', payload, headers });
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res).id;
}

/** An application body of the scene's party with the given uploads. */
export function application(materials: { item: string; photoId: string }[], extra = {}) {
  return {
    decisionNo,
    idNumber: ids.personA,
    applicantKind: 'person',
    applicantName: '张三丰',
    phone: '13912345678',
    commitmentAgreed: true,
    materials,
    ...extra,
  };
}

/** POSTs an application as a resident. */
export function apply(t: TestApp, body: object) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/credit/applications',
    payload: body as never,
  });
}
