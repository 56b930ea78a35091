import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaseCredit,
  CreditReceipt,
  CreditRepairList,
  ResidentCreditRepair,
  StaffCreditRepair,
} from '../../contract/credit.js';
import { json, loginAs } from '../../../test/app.js';
import { get, post } from '../../../test/case-scene.js';
import {
  application,
  apply,
  decisionNo,
  openCreditScene,
  uploadMaterial,
  type CreditScene,
} from '../../../test/credit-scene.js';
import { pdfText, skipPdfChecks } from '../../../test/pdf.js';
import { residentPhoneDigest } from '../crypto/phone-digest.js';
import { resolveMessage } from '../notifications/recipient.js';
import { creditRepairByReceipt, creditRepairsByPhoneDigest } from './my-requests.js';

let s: CreditScene;
let receipt: CreditReceipt;
let id: string;
const admin = 'yinhang.admin';
const base = '/api/staff/credit/applications';

beforeAll(async () => {
  s = await openCreditScene();
  s.at('2026-06-15T09:00:00');
  const photo = await uploadMaterial(s.t);
  const res = await apply(s.t, application([{ item: 'identity', photoId: photo }]));
  expect(res.statusCode, res.body).toBe(201);
  receipt = json<CreditReceipt>(res);
});

afterAll(async () => {
  await s.close();
});

async function staffView(username: string) {
  return json<StaffCreditRepair>(await get(s.t, await s.as(username), `${base}/${id}`));
}

function resident(): Promise<ResidentCreditRepair> {
  return s.t.app
    .inject({ url: `/api/public/credit/r/${receipt.accessToken}` })
    .then((res) => json<ResidentCreditRepair>(res));
}

async function outboxTexts(): Promise<string[]> {
  const rows = await s.t.handle.db.selectFrom('outbox').selectAll().orderBy('created_at').execute();
  const texts: string[] = [];
  for (const row of rows.filter((r) => r.event.startsWith('credit_'))) {
    const resolved = await resolveMessage(s.t.ctx, row);
    texts.push(resolved.kind === 'send' ? `${resolved.to} ${resolved.text}` : resolved.reason);
  }
  return texts;
}

describe('the workbench list and who sees it', () => {
  it('lists the application for the street admin with its decision due date', async () => {
    const list = json<CreditRepairList>(await get(s.t, await s.as(admin), base));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      receiptCode: receipt.receiptCode,
      decisionNo,
      applicantName: '张*',
      status: 'submitted',
      due: { key: 'decision', dueAt: '2026-06-23T15:59:59.999Z', overdue: false },
    });
    id = list.items[0]?.id ?? '';
  });

  it('hides it from another street’s admin (404) and from departments (403)', async () => {
    const other = await get(s.t, await s.as('dinghai.admin'), `${base}/${id}`);
    expect(other.statusCode).toBe(404);
    const otherList = json<CreditRepairList>(await get(s.t, await s.as('dinghai.admin'), base));
    expect(otherList.total).toBe(0);
    const dept = await get(s.t, await loginAs(s.t.app, 'fangguan.dept'), base);
    expect(dept.statusCode).toBe(403);
    const auditor = await get(s.t, await loginAs(s.t.app, 'auditor'), `${base}/${id}`);
    expect(auditor.statusCode).toBe(403);
  });

  it('shows a liaison the application but no step, and refuses their decision', async () => {
    expect((await staffView(s.users.liaison)).steps).toEqual([]);
    const res = await post(s.t, await s.as(s.users.liaison), `${base}/${id}/steps/accept`, {
      reasons: '材料齐全',
      correctionConfirmed: true,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('补正 and back', () => {
  it('will not accept while materials are missing, naming them', async () => {
    const res = await post(s.t, await s.as(admin), `${base}/${id}/steps/accept`, {
      reasons: '材料齐全',
      correctionConfirmed: true,
    });
    expect(res.statusCode).toBe(422);
    expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe('materials');
  });

  it('asks for missing items with a note, stops the clock, texts the applicant', async () => {
    s.at('2026-06-16T10:00:00');
    const missing = (await staffView(admin)).missing;
    expect(missing).toEqual(['application_form', 'commitment_letter', 'performance_proof']);
    const res = await post(s.t, await s.as(admin), `${base}/${id}/steps/request_correction`, {
      items: missing,
      note: '请补充申请表、承诺书和罚款缴纳凭证。',
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = json<StaffCreditRepair>(res);
    expect(view.status).toBe('correction_requested');
    expect(view.due).toBeNull();
    expect(await outboxTexts()).toEqual([
      `13912345678 【邻里】您的信用修复申请（${receipt.receiptCode}，${decisionNo}）需要补正材料，请通过您的私密链接查看所需材料并上传。`,
    ]);
    const r = await resident();
    expect(r.canResubmit).toBe(true);
    expect(r.correction).toMatchObject({
      items: missing,
      note: '请补充申请表、承诺书和罚款缴纳凭证。',
    });
  });

  it('takes the resident’s upload of the items and restarts the clock', async () => {
    s.at('2026-06-17T10:00:00');
    const materials = [];
    for (const item of ['application_form', 'commitment_letter', 'performance_proof']) {
      materials.push({ item, photoId: await uploadMaterial(s.t) });
    }
    const res = await s.t.app.inject({
      method: 'POST',
      url: `/api/public/credit/r/${receipt.accessToken}/materials`,
      payload: { materials },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<ResidentCreditRepair>(res)).toMatchObject({
      status: 'resubmitted',
      canResubmit: false,
    });
    const view = await staffView(admin);
    expect(view.missing).toEqual([]);
    expect(view.files.map((f) => f.round)).toEqual([1, 2, 2, 2]);
    // 5 working days from Wednesday 17 June: 18, 22, 23, 24, 25 June (19 June is a holiday).
    expect(view.due).toMatchObject({ key: 'decision', dueAt: '2026-06-25T15:59:59.999Z' });
    const again = await s.t.app.inject({
      method: 'POST',
      url: `/api/public/credit/r/${receipt.accessToken}/materials`,
      payload: { materials: [{ item: 'identity', photoId: await uploadMaterial(s.t) }] },
    });
    expect(again.statusCode).toBe(422);
  });

  it('serves a material to staff and audits the view', async () => {
    const view = await staffView(admin);
    const file = view.files[0]?.id ?? '';
    const res = await get(s.t, await s.as(admin), `${base}/${id}/files/${file}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const reads = await s.t.handle.db
      .selectFrom('audit_entries')
      .select('detail')
      .where('action', '=', 'credit.read')
      .execute();
    expect(reads).toEqual([{ detail: JSON.stringify({ fileId: file, item: 'identity' }) }]);
  });
});

describe('the decision and the end of publication', () => {
  it('wants the correction confirmed, then accepts with reasons and texts the result', async () => {
    s.at('2026-06-18T10:00:00');
    const unconfirmed = await post(s.t, await s.as(admin), `${base}/${id}/steps/accept`, {
      reasons: '材料齐全',
      correctionConfirmed: false,
    });
    expect(unconfirmed.statusCode).toBe(422);
    const res = await post(s.t, await s.as(admin), `${base}/${id}/steps/accept`, {
      reasons: '最短公示期已满，罚款已缴纳，已作出信用承诺，材料齐全。',
      correctionConfirmed: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = json<StaffCreditRepair>(res);
    expect(view).toMatchObject({ status: 'accepted', steps: ['complete'] });
    // 3 working days after Thursday 18 June: 22, 23, 24 June.
    expect(view.due).toMatchObject({ key: 'completion', dueAt: '2026-06-24T15:59:59.999Z' });
    expect((await outboxTexts()).at(-1)).toBe(
      `13912345678 【邻里】您的信用修复申请（${receipt.receiptCode}，${decisionNo}）已办结：` +
        '准予信用修复。请通过您的私密链接查看理由并下载结果告知书。',
    );
  });

  it('refuses an end of publication after today, naming the field', async () => {
    const res = await post(s.t, await s.as(admin), `${base}/${id}/steps/complete`, {
      publicationEndedOn: '2026-06-30',
    });
    expect(res.statusCode).toBe(400);
    expect(json<{ details: { field: string; messageEn: string }[] }>(res).details[0]).toEqual(
      expect.objectContaining({
        field: 'publicationEndedOn',
        messageEn: 'the day publication ended must lie between 2026-06-18 and 2026-06-18',
      }),
    );
  });

  it('completes with the day publication ended', async () => {
    s.at('2026-06-22T10:00:00');
    const res = await post(s.t, await s.as(admin), `${base}/${id}/steps/complete`, {
      publicationEndedOn: '2026-06-22',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<StaffCreditRepair>(res)).toMatchObject({
      status: 'completed',
      publicationEndedOn: '2026-06-22',
      due: null,
    });
    const r = await resident();
    expect(r).toMatchObject({ status: 'completed', letterAvailable: true });
    expect(r.timeline.map((e) => e.type)).toEqual([
      'submitted',
      'correction_requested',
      'resubmitted',
      'accepted',
      'completed',
    ]);
  });

  it('audits every step', async () => {
    const actions = await s.t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_type', '=', 'credit_repair')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'credit.submit',
      'credit.request_correction',
      'credit.resubmit',
      'credit.read',
      'credit.accept',
      'credit.complete',
    ]);
  });
});

describe.skipIf(skipPdfChecks)('the result letter (信用修复结果告知书)', () => {
  it('names the applicant in full, the decision, class, period, result and body', async () => {
    const res = await s.t.app.inject({
      url: `/api/public/credit/r/${receipt.accessToken}/letter.pdf`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const text = pdfText(res.rawPayload).replace(/\s+/g, '');
    expect(text).toContain('信用修复结果告知书');
    expect(text).toContain('张三丰：');
    expect(text).toContain(`行政处罚决定书文号：${decisionNo}`);
    expect(text).toContain('一般失信信息，公示期最短3个月、最长12个月，自2026年3月12日起算');
    expect(text).toContain('最长公示至2027年3月12日');
    expect(text).toContain('办理结果：准予信用修复');
    expect(text).toContain('最短公示期已满，罚款已缴纳，已作出信用承诺，材料齐全。');
    expect(text).toContain('已于2026年6月22日终止公示');
    expect(text).toContain('殷行街道办事处（综合行政执法队）');
    expect(text).toContain('www.creditchina.gov.cn');
  });

  it('is an audited read when staff download it', async () => {
    const res = await get(s.t, await s.as(admin), `${base}/${id}/letter.pdf`);
    expect(res.statusCode).toBe(200);
    const reads = await s.t.handle.db
      .selectFrom('audit_entries')
      .select('actor_id')
      .where('action', '=', 'credit.letter_read')
      .execute();
    expect(reads).toHaveLength(1);
  });
});

describe('the case page and "my requests"', () => {
  it('shows the case’s class, earliest date, applications; no class set by a liaison', async () => {
    const credit = json<CaseCredit>(
      await get(s.t, await s.as(s.users.liaison), `/api/staff/cases/${s.caseId}/credit`),
    );
    expect(credit).toMatchObject({
      applicable: true,
      defaultClass: 'general',
      standing: { creditClass: 'general', earliestOn: '2026-06-13' },
      canSetClass: false,
      applications: 1,
    });
    const res = await s.t.app.inject({
      method: 'PUT',
      url: `/api/staff/cases/${s.caseId}/credit-class`,
      payload: { creditClass: 'serious', reason: '吊销许可证件' },
      headers: { cookie: await s.as(s.users.liaison) },
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets the street admin set 严重 with a reason, moving the earliest date a year on', async () => {
    const res = await s.t.app.inject({
      method: 'PUT',
      url: `/api/staff/cases/${s.caseId}/credit-class`,
      payload: { creditClass: 'serious', reason: '同时责令限制从业' },
      headers: { cookie: await s.as(admin) },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<CaseCredit>(res)).toMatchObject({
      standing: { creditClass: 'serious', earliestOn: '2027-03-13' },
      override: { reason: '同时责令限制从业' },
    });
  });

  it('finds the application by the phone’s digest and by the receipt code as typed', async () => {
    const digest = residentPhoneDigest(s.t.ctx.cipher, '13912345678');
    const expected = {
      source: 'credit_repair',
      receiptCode: receipt.receiptCode,
      kind: 'credit_repair',
      title: decisionNo,
      status: 'completed',
      followPath: `/credit/r/${receipt.accessToken}`,
    };
    expect(await creditRepairsByPhoneDigest(s.t.ctx, digest)).toEqual([
      expect.objectContaining(expected),
    ]);
    const typed = ` ${receipt.receiptCode.toLowerCase()} `;
    expect(await creditRepairByReceipt(s.t.ctx, typed)).toEqual(expect.objectContaining(expected));
    expect(await creditRepairByReceipt(s.t.ctx, 'XF-00000-00000')).toBeNull();
    expect(
      await creditRepairsByPhoneDigest(s.t.ctx, residentPhoneDigest(s.t.ctx.cipher, '13800000000')),
    ).toEqual([]);
  });
});
