import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditReceipt, CreditStanding, ResidentCreditRepair } from '../../contract/credit.js';
import { json } from '../../../test/app.js';
import { ids } from '../../../test/case-scene.js';
import {
  application,
  apply,
  decisionNo,
  openCreditScene,
  uploadMaterial,
  type CreditScene,
} from '../../../test/credit-scene.js';

let s: CreditScene;

beforeAll(async () => {
  s = await openCreditScene();
});

afterAll(async () => {
  await s.close();
});

function check(body: object) {
  return s.t.app.inject({ method: 'POST', url: '/api/public/credit/check', payload: body });
}

type Issue = { field: string; message: string; messageEn: string };

describe('the public check of a decision', () => {
  it('tells the class and the earliest day, 13 June 2026, nothing else of the case', async () => {
    s.at('2026-04-01T10:00:00');
    const res = await check({ decisionNo, idNumber: ids.personA });
    expect(res.statusCode).toBe(200);
    expect(json<CreditStanding>(res)).toEqual({
      creditClass: 'general',
      earliestOn: '2026-06-13',
      publicationLastDay: '2027-03-12',
      blockers: ['too_early'],
    });
    expect(res.body).not.toContain('张');
    expect(res.body).not.toContain('殷行路');
  });

  it('matches the number as typed: full-width forms, spaces, lower-case x, brackets', async () => {
    const res = await check({ decisionNo: ' 殷城管罚[2026]1号 ', idNumber: ` ${ids.personA} ` });
    expect(res.statusCode).toBe(200);
  });

  it('gives one neutral not-found for another party’s number or an unknown decision', async () => {
    const other = await check({ decisionNo, idNumber: ids.personB });
    const unknown = await check({ decisionNo: '殷城管罚〔2026〕99号', idNumber: ids.personA });
    for (const res of [other, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(json(res).error).toBe('credit_record_not_found');
      expect(res.body).not.toContain('2026-03-12');
    }
    expect(other.body.replace(/"requestId":"[^"]+"/, '')).toBe(
      unknown.body.replace(/"requestId":"[^"]+"/, ''),
    );
  });

  it('names the identity field in both languages when the number is not valid', async () => {
    const res = await check({ decisionNo, idNumber: '310110198001011237' });
    expect(res.statusCode).toBe(400);
    expect(json<{ details: Issue[] }>(res).details).toEqual([
      {
        field: 'idNumber',
        message: '请填写有效的居民身份证号码或统一社会信用代码',
        messageEn: 'enter a valid resident identity number or unified social credit code',
      },
    ]);
  });
});

describe('an application', () => {
  it('is refused before the minimum period has passed, naming 13 June 2026', async () => {
    s.at('2026-06-12T18:00:00');
    const photo = await uploadMaterial(s.t);
    const res = await apply(s.t, application([{ item: 'identity', photoId: photo }]));
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toBe('credit_repair_not_ready');
    expect(json<{ details: Issue[] }>(res).details).toEqual([
      {
        field: 'decisionNo',
        message: '最短公示期未满，最早可于2026年6月13日申请信用修复',
        messageEn: 'the minimum publication period has not passed; you can apply from 2026-06-13',
      },
    ]);
    const rows = await s.t.handle.db.selectFrom('credit_repairs').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('names every wrong field in both languages and changes nothing', async () => {
    s.at('2026-06-15T09:00:00');
    const res = await apply(s.t, {
      ...application([]),
      phone: '12345',
      applicantKind: 'robot',
    });
    expect(res.statusCode).toBe(400);
    const fields = json<{ details: Issue[] }>(res).details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['phone', 'applicantKind', 'materials']));
    for (const d of json<{ details: Issue[] }>(res).details) {
      expect(d.message).not.toBe('');
      expect(d.messageEn).not.toBe('');
    }
  });

  it('wants the commitment agreed and items of the applicant’s own checklist', async () => {
    const photo = await uploadMaterial(s.t);
    const unagreed = await apply(
      s.t,
      application([{ item: 'identity', photoId: photo }], { commitmentAgreed: false }),
    );
    expect(json<{ details: Issue[] }>(unagreed).details[0]?.field).toBe('commitmentAgreed');
    const wrongItem = await apply(s.t, application([{ item: 'business_licence', photoId: photo }]));
    expect(wrongItem.statusCode).toBe(400);
    expect(json<{ details: Issue[] }>(wrongItem).details[0]).toMatchObject({
      field: 'materials.0.item',
      message: '该材料不在本申请的材料清单中',
    });
  });

  it('is taken on Monday 15 June with a receipt code, to be decided by 23 June', async () => {
    const photos = [await uploadMaterial(s.t), await uploadMaterial(s.t)];
    const res = await apply(
      s.t,
      application([
        { item: 'application_form', photoId: photos[0] ?? '' },
        { item: 'identity', photoId: photos[1] ?? '' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const receipt = json<CreditReceipt>(res);
    expect(receipt.receiptCode).toMatch(/^XF-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    // 5 working days: 16, 17, 18 June, then the Dragon Boat Festival (19 June), 22 and 23 June.
    expect(receipt.decideDueOn).toBe('2026-06-23');
    const page = await s.t.app.inject({ url: `/api/public/credit/r/${receipt.accessToken}` });
    const view = json<ResidentCreditRepair>(page);
    expect(view).toMatchObject({
      status: 'submitted',
      decisionNo,
      creditClass: 'general',
      applicantName: '张*',
      canResubmit: false,
      letterAvailable: false,
    });
    expect(view.materials).toEqual([
      { item: 'application_form', count: 1 },
      { item: 'identity', count: 1 },
    ]);
    expect(page.body).not.toContain('张三丰');
    expect(page.body).not.toContain(ids.personA);
    expect(page.body).not.toContain('13912345678');
  });

  it('stores the applicant’s name, number and phone encrypted only', async () => {
    const row = await s.t.handle.db
      .selectFrom('credit_repairs')
      .selectAll()
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(row);
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain(ids.personA);
    expect(text).not.toContain('13912345678');
    expect(row.phone_masked).toBe('139****5678');
    expect(row.id_masked).toBe('3101**********1236');
  });

  it('is not taken twice for the same decision while one is being handled', async () => {
    const photo = await uploadMaterial(s.t);
    const res = await apply(s.t, application([{ item: 'identity', photoId: photo }]));
    expect(res.statusCode).toBe(422);
    expect(json<{ details: Issue[] }>(res).details[0]?.message).toBe(
      '该行政处罚信息已有信用修复申请正在办理或已修复',
    );
  });

  it('answers a status link nobody was given with a plain 404', async () => {
    const res = await s.t.app.inject({ url: '/api/public/credit/r/not-a-token' });
    expect(res.statusCode).toBe(404);
  });
});

describe('guessing decision and identity pairs', () => {
  it('is stopped after 20 checks an hour from one address, saying the wait twice', async () => {
    s.at('2026-04-02T10:00:00');
    const guess = (n: number) =>
      s.t.app.inject({
        method: 'POST',
        url: '/api/public/credit/check',
        payload: { decisionNo: `殷城管罚〔2026〕${n + 100}号`, idNumber: ids.personA },
        remoteAddress: '198.51.100.23',
      });
    for (let n = 0; n < 20; n += 1) {
      expect((await guess(n)).statusCode).toBe(404);
    }
    const refused = await guess(20);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
    const issue = json<{ details: Issue[] }>(refused).details[0];
    expect(issue?.field).toBe('decisionNo');
    expect(issue?.message).toMatch(/请求过于频繁，请在60分钟后再试/);
    expect(issue?.messageEn).toMatch(/try again in 60 min/);

    // Another address is not held up by it.
    const other = await check({ decisionNo, idNumber: ids.personA });
    expect(other.statusCode).toBe(200);
  });
});
