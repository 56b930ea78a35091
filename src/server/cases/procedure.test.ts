import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRulesBody } from '../../contract/cases.js';
import type { StaffCase } from '../../contract/case-views.js';
import {
  caseOf,
  get,
  openCaseScene,
  post,
  registration,
  step,
  type CaseScene,
} from '../../../test/case-scene.js';

let s: CaseScene;
let liaison: string;
const admin = 'yinhang.admin';

beforeAll(async () => {
  s = await openCaseScene('2026-04-27T09:00:00');
  liaison = s.users.liaison;
});

afterAll(async () => {
  await s.close();
});

function limit(c: StaffCase, key: string) {
  return c.limits.find((l) => l.key === key);
}

interface ErrorAnswer {
  error: string;
  details: { field: string; message: string }[];
}

function detailOf(res: LightMyRequestResponse): ErrorAnswer {
  return res.json<ErrorAnswer>();
}

async function investigatedCase(matterCode: string): Promise<StaffCase> {
  const body = registration({ matterCode });
  const c = caseOf(await post(s.t, await s.as(liaison), '/api/staff/cases', body), 201);
  return caseOf(await step(s, liaison, c.id, 'investigate', {}));
}

describe('a hearing (《行政处罚法》第六十三条、第六十四条)', () => {
  let c: StaffCase;
  const penalty = {
    kind: 'penalty',
    decisionNo: '殷城管罚〔2026〕9号',
    fineFen: 200_000,
  };

  it('gives a party told on Thursday 30 April 2026 until 11 May to ask for one', async () => {
    c = await investigatedCase('LDDW');
    s.at('2026-04-30T10:00:00');
    c = caseOf(
      await step(s, liaison, c.id, 'notify', {
        deliveredOn: '2026-04-30',
        proposedFineFen: 200_000,
        hearingRight: true,
        summary: '拟处罚款2000元；当事人可在告知书送达后5个工作日内申请听证。',
      }),
    );
    expect(limit(c, 'hearing_request')).toMatchObject({
      days: 5,
      unit: 'working',
      lastDay: '2026-05-11',
      state: 'running',
    });
    expect(c.steps).toEqual(['record_statement', 'request_hearing', 'decide', 'cancel']);
  });

  it('does not decide while the party may still ask for a hearing', async () => {
    s.at('2026-05-08T10:00:00');
    const res = await step(s, liaison, c.id, 'decide', { ...penalty, decidedOn: '2026-05-08' });
    expect(res.statusCode).toBe(422);
    expect(detailOf(res).details[0]?.field).toBe('decidedOn');
  });

  it('refuses a request made after 11 May and takes one made on 11 May', async () => {
    s.at('2026-05-12T10:00:00');
    const late = await step(s, liaison, c.id, 'request_hearing', { requestedOn: '2026-05-12' });
    expect(late.statusCode).toBe(422);
    expect(detailOf(late).details[0]?.field).toBe('requestedOn');
    c = caseOf(await step(s, liaison, c.id, 'request_hearing', { requestedOn: '2026-05-11' }));
    expect(limit(c, 'hearing_request')).toMatchObject({ state: 'met', doneOn: '2026-05-11' });
    expect(c.steps).toEqual(['record_statement', 'schedule_hearing', 'cancel']);
  });

  it('holds the hearing no earlier than 7 working days after telling the party', async () => {
    // Told on Tuesday 12 May: 13, 14, 15, 18, 19, 20, 21 May lie between; the 22nd is the first.
    const early = await step(s, liaison, c.id, 'schedule_hearing', {
      noticeOn: '2026-05-12',
      hearingOn: '2026-05-21',
      place: '殷行街道城管中队听证室',
    });
    expect(early.statusCode).toBe(422);
    expect(detailOf(early).details[0]?.field).toBe('hearingOn');
    c = caseOf(
      await step(s, liaison, c.id, 'schedule_hearing', {
        noticeOn: '2026-05-12',
        hearingOn: '2026-05-22',
        place: '殷行街道城管中队听证室',
      }),
    );
    expect(limit(c, 'hearing_notice')).toMatchObject({
      sense: 'not_before',
      lastDay: '2026-05-22',
    });
  });

  it('needs a legal review after a hearing, which a liaison may not give', async () => {
    s.at('2026-05-22T16:00:00');
    c = caseOf(
      await step(s, liaison, c.id, 'hold_hearing', {
        heldOn: '2026-05-22',
        record: '听证笔录已制作',
      }),
    );
    expect(c.legalReview).toEqual({ required: true, approved: null, opinion: null });
    const res = await step(s, liaison, c.id, 'decide', { ...penalty, decidedOn: '2026-05-22' });
    expect(res.statusCode).toBe(422);
    expect(detailOf(res).details[0]?.field).toBe('legalReview');
    const byLiaison = await step(s, liaison, c.id, 'legal_review', {
      approved: true,
      opinion: '同意',
    });
    expect(byLiaison.statusCode).toBe(403);
    caseOf(
      await step(s, admin, c.id, 'legal_review', { approved: true, opinion: '事实清楚，同意' }),
    );
    const decided = caseOf(
      await step(s, liaison, c.id, 'decide', { ...penalty, decidedOn: '2026-05-22' }),
    );
    expect(decided.status).toBe('decided');
  });
});

describe('legal review thresholds and fine ranges', () => {
  it('needs a review for a fine of 5,000 元 on a person (one street rule)', async () => {
    const c = await investigatedCase('LDDW');
    caseOf(
      await step(s, liaison, c.id, 'notify', {
        deliveredOn: '2026-05-22',
        proposedFineFen: 500_000,
        hearingRight: false,
        summary: '拟处罚款5000元。',
      }),
    );
    const big = { kind: 'penalty', decidedOn: '2026-05-22', decisionNo: '罚10号' };
    const refused = await step(s, liaison, c.id, 'decide', { ...big, fineFen: 500_000 });
    expect(detailOf(refused).details[0]?.field).toBe('legalReview');
    const below = caseOf(await step(s, liaison, c.id, 'decide', { ...big, fineFen: 499_999 }));
    expect(below.decision?.fineFen).toBe(499_999);
  });

  it('takes any amount, marked unchecked, for a matter without a structured range', async () => {
    const c = await investigatedCase('ZLHL-1');
    expect(c.matter.fineRanges).toEqual([]);
    caseOf(
      await step(s, liaison, c.id, 'notify', {
        deliveredOn: '2026-05-22',
        proposedFineFen: 150_000,
        hearingRight: false,
        summary: '占用绿地3平方米，拟按每平方米500元处罚款1500元。',
      }),
    );
    const decided = caseOf(
      await step(s, liaison, c.id, 'decide', {
        kind: 'penalty',
        decidedOn: '2026-05-22',
        decisionNo: '罚11号',
        fineFen: 150_000,
      }),
    );
    expect(decided.decision).toMatchObject({ fineFen: 150_000, rangeUnchecked: true });
  });

  it('refuses a penalty decided straight from the investigation', async () => {
    const c = await investigatedCase('FXCD');
    const res = await step(s, liaison, c.id, 'decide', {
      kind: 'penalty',
      decidedOn: '2026-05-22',
      decisionNo: '罚12号',
      fineFen: 10_000,
    });
    expect(res.statusCode).toBe(422);
    expect(detailOf(res).details[0]?.field).toBe('kind');
  });
});

describe('the delivery limit over National Day 2026, and the bureau changing the rules', () => {
  async function decidedOn(day: string): Promise<StaffCase> {
    s.at(`${day}T10:00:00`);
    const c = await investigatedCase('DCSN');
    caseOf(
      await step(s, liaison, c.id, 'notify', {
        deliveredOn: day,
        proposedFineFen: 30_000,
        hearingRight: false,
        summary: '拟处罚款300元。',
      }),
    );
    return caseOf(
      await step(s, liaison, c.id, 'decide', {
        kind: 'penalty',
        decidedOn: day,
        decisionNo: '罚20号',
        fineFen: 30_000,
      }),
    );
  }

  it('gives a decision of 30 September 2026 until 15 October to be delivered', async () => {
    const c = await decidedOn('2026-09-30');
    expect(limit(c, 'delivery')).toMatchObject({ days: 7, unit: 'working', lastDay: '2026-10-15' });
  });

  it('counts 7 calendar days once the bureau admin sets the unit, audited', async () => {
    const rules = (
      await get(s.t, await s.as('admin'), '/api/staff/case-rules')
    ).json<CaseRulesBody>();
    expect(rules.delivery).toEqual({ days: 7, unit: 'working' });
    const changed = { ...rules, delivery: { days: 7, unit: 'calendar' } };
    const byStreet = await s.t.app.inject({
      method: 'PUT',
      url: '/api/staff/case-rules',
      payload: changed,
      headers: { cookie: await s.as(admin) },
    });
    expect(byStreet.statusCode).toBe(403);
    const put = await s.t.app.inject({
      method: 'PUT',
      url: '/api/staff/case-rules',
      payload: changed,
      headers: { cookie: await s.as('admin') },
    });
    expect(put.statusCode).toBe(200);
    const c = await decidedOn('2026-09-30');
    expect(limit(c, 'delivery')).toMatchObject({ unit: 'calendar', lastDay: '2026-10-07' });
    const audit = await s.t.handle.db
      .selectFrom('audit_entries')
      .select('detail')
      .where('action', '=', 'case.rules_set')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toEqual({ changed: ['delivery'] });
  });
});
