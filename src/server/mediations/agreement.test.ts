import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mediation } from '../../contract/mediation-views.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import {
  applicant,
  openStandard,
  post,
  respondent,
  sampleLiaison,
  sessionBody,
} from '../../../test/mediation-scene.js';
import { pdfPageCount, pdfText, skipPdfChecks } from '../../../test/pdf.js';

let t: TestApp;
let liaison: { username: string; id: string };
let cookie: string;
let mediation: Mediation;

const written = {
  responsibilities: '被申请人夜间施工影响申请人休息，应承担主要责任。',
  terms: '被申请人每日八时至十八时施工，并赔偿申请人五百元。',
  performanceManner: '现金当面支付',
  performanceDeadline: '2025-10-31',
  signedOn: '2025-10-09',
};

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-09T10:00:00+08:00'));
  liaison = await sampleLiaison(t);
  ({ cookie, mediation } = await openStandard(t, liaison.username, liaison.id));
  await post(t, `/api/staff/mediations/${mediation.id}/steps/add_session`, cookie, sessionBody(t));
});

afterAll(async () => {
  await t.close();
});

function download(id: string, as: string) {
  return t.app.inject({
    url: `/api/staff/mediations/${id}/agreement.pdf`,
    headers: { cookie: as },
  });
}

describe('the agreement PDF before there is a written agreement', () => {
  it('is refused with 422 and no read is audited', async () => {
    const res = await download(mediation.id, cookie);
    expect(res.statusCode).toBe(422);
    const reads = await t.handle.db
      .selectFrom('audit_entries')
      .select('seq')
      .where('action', '=', 'mediation.agreement_read')
      .execute();
    expect(reads).toEqual([]);
  });
});

describe.skipIf(skipPdfChecks)('the written agreement (人民调解协议书)', () => {
  let text: string;

  beforeAll(async () => {
    const res = await post(
      t,
      `/api/staff/mediations/${mediation.id}/steps/record_written`,
      cookie,
      written,
    );
    expect(res.statusCode).toBe(200);
  });

  it('downloads as an uncached A4 PDF', async () => {
    const res = await download(mediation.id, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="mediation-agreement-2025-0001.pdf"',
    );
    expect(pdfPageCount(res.rawPayload)).toBeGreaterThanOrEqual(1);
    text = pdfText(res.rawPayload).replace(/[ \t]+/g, ' ');
  });

  it('carries its title, the committee and its number', () => {
    expect(text).toContain('人民调解协议书');
    expect(text).toContain('殷行街道开鲁一村居委会人民调解委员会');
    expect(text).toContain('编号：2025-0001');
  });

  it('gives the parties’ basic details in full, never masked (Art 29 一)', () => {
    expect(text).toContain('申请人：张三丰');
    expect(text).toContain(`公民身份号码：${applicant.idNumber}`);
    expect(text).toContain(`联系电话：${applicant.phone}`);
    expect(text).toContain('住址：上海市杨浦区殷行路 100 弄 3 号 502 室');
    expect(text).toContain('被申请人：李四');
    expect(text).toContain(`联系电话：${respondent.phone}`);
    expect(text).not.toContain('张*');
    expect(text).not.toContain('****');
  });

  it('states the facts, the disputed items and each side’s responsibility (Art 29 二)', () => {
    expect(text).toContain('纠纷的主要事实、争议事项');
    expect(text).toContain('被申请人家中装修，每日 22 时后仍使用电钻');
    expect(text).toContain('各方当事人的责任');
    expect(text).toContain(written.responsibilities);
  });

  it('states the terms with the manner and deadline of performance (Art 29 三)', () => {
    expect(text).toContain(written.terms);
    expect(text).toContain('履行方式：现金当面支付');
    expect(text).toContain('履行期限：2025年10月31日前履行完毕');
  });

  it('has signature lines for each party and the mediators, the seal area, date and copies', () => {
    expect(text).toContain('当事人（签名、盖章或者按指印）');
    expect(text).toMatch(/申请人 张三丰 _{10,}/);
    expect(text).toMatch(/被申请人 李四 _{10,}/);
    expect(text).toContain('人民调解员（签名）');
    expect(text).toMatch(/王秀英 _{10,}/);
    expect(text).toContain('协助调解人员（签名）');
    expect(text).toContain('人民调解委员会（盖章）');
    expect(text).toContain('盖章处');
    expect(text).toContain('2025年10月9日');
    expect(text).toContain('本协议一式3份，当事人各执一份，人民调解委员会留存一份。');
    // A paragraph wraps at the page edge: compare it without the line breaks.
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('调解员签名并加盖人民调解委员会印章之日起生效');
    expect(flat).toContain('可以自本协议生效之日起三十日内共同向人民法院申请司法确认');
  });

  it('is an audited read of personal data, naming the fields and never their values', async () => {
    const reads = await t.handle.db
      .selectFrom('audit_entries')
      .select(['actor_id', 'record_id', 'detail'])
      .where('action', '=', 'mediation.agreement_read')
      .execute();
    expect(reads).toEqual([
      {
        actor_id: liaison.id,
        record_id: mediation.id,
        detail: JSON.stringify({ fields: ['name', 'phone', 'idNumber', 'address'], parties: 2 }),
      },
    ]);
  });

  it('shows the detail page the last day for judicial confirmation, 10 November 2025', async () => {
    const fresh = await loginAs(t.app, liaison.username);
    const res = await t.app.inject({
      url: `/api/staff/mediations/${mediation.id}`,
      headers: { cookie: fresh },
    });
    expect(json<Mediation>(res).outcome).toMatchObject({
      judicialConfirmationLastDay: '2025-11-10',
    });
  });
});
