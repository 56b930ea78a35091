import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drilldown, Scheme, Scores, StreetScore } from '../../contract/assessment.js';
import { defaultScheme } from '../../domain/assessment/defaults.js';
import { json } from '../../../test/app.js';
import { openAssessmentScene, type AssessmentScene } from '../../../test/assessment-scene.js';

let scene: AssessmentScene;

beforeAll(async () => {
  scene = await openAssessmentScene();
});

afterAll(async () => {
  await scene.close();
});

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers' shape
async function get<T>(url: string, user = scene.users.bureau) {
  const res = await scene.t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: await scene.as(user) },
  });
  return { status: res.statusCode, body: res.statusCode === 200 ? json<T>(res) : null, res };
}

async function q3(): Promise<Scores> {
  const { body } = await get<Scores>('/api/staff/assessment/scores?period=2026-Q3');
  if (!body) {
    throw new Error('no scores');
  }
  return body;
}

function street(scores: Scores, name: string): StreetScore {
  const found = scores.streets.find((s) => s.streetName === name);
  if (!found) {
    throw new Error(`no ${name}`);
  }
  return found;
}

/** [numerator, denominator, value, score] of each indicator, and the dimension scores. */
function table(s: StreetScore): Record<string, unknown> {
  const entries: [string, unknown][] = s.dimensions.flatMap((d) => [
    [d.key, d.score] as [string, unknown],
    ...d.indicators.map((i): [string, unknown] => [
      i.key,
      [i.numerator, i.denominator, i.value, i.score],
    ]),
  ]);
  return Object.fromEntries(entries);
}

describe('street scores of 2026-Q3, computed by hand (default scheme version 1)', () => {
  it('period and scheme', async () => {
    const scores = await q3();
    expect(scores.period).toEqual({
      key: '2026-Q3',
      from: '2026-06-30T16:00:00.000Z',
      to: '2026-09-30T16:00:00.000Z',
    });
    expect(scores.schemeVersion).toBe(1);
  });

  it('甲: every indicator, dimension and the total', async () => {
    const a = street(await q3(), '甲街道');
    expect(table(a)).toEqual({
      // 4 tickets of Q3 (the Q2 one and the merged duplicate are out); a2 contacted late.
      // 3/4 = 0.75; 0.75 / 0.95 × 100 = 78.947… → 78.95
      first_contact_on_time: [3, 4, 0.75, 78.95],
      // a4 is not resolved and not yet due (30 Oct): out. a2 late. 2/3 / 0.9 × 100 = 74.07
      resolved_on_time: [2, 3, 0.6667, 74.07],
      // a1 and a3 at the community tier of 3 resolved: 0.667 ≥ target 0.6 → 100
      community_tier_share: [2, 3, 0.6667, 100],
      // (40 × 78.947 + 40 × 74.074 + 20 × 100) / 100 = 81.2086 → 81.21
      complaints: 81.21,
      // decided 08-10 (limit 08-20) in time, 09-05 (limit 09-01) late; 10-02 is Q4. 1/2 → 50
      case_decided_in_limit: [1, 2, 0.5, 50],
      cases: 50,
      // 3 events in Q3 (10-01 is out) over 3 months = 1/month, target 2 → 50
      education_events: [3, 3, 1, 50],
      // (40 + 20 + 30) / 3 = 30 per event, target 30 → 100
      education_attendance: [90, 3, 30, 100],
      // (50 × 50 + 50 × 100) / 100 = 75
      education: 75,
      // a1, a2 by the placard QR code of 4: 0.5, target 0.5 → 100
      online_channel_share: [2, 4, 0.5, 100],
      // 2 buildings, 1 with a printed placard: 0.5 → 50
      placard_coverage: [1, 2, 0.5, 50],
      // one liaison, 13 weeks (W28–W40), 2 visits in W28–W37: 10/13 / 0.9 × 100 = 85.47
      visit_compliance: [10, 13, 0.7692, 85.47],
      // (30 × 100 + 40 × 50 + 30 × 85.470) / 100 = 75.641 → 75.64
      digital: 75.64,
      // satisfied + basically satisfied of 3 rated (a3 unsatisfied, though its handler said
      // "solved": the handler's verdict does not count): 2/3 / 0.9 × 100 = 74.07
      ticket_satisfaction: [2, 3, 0.6667, 74.07],
      survey_satisfaction: [0, 0, null, null],
      // the survey has no data: its weight is left out, 74.07
      satisfaction: 74.07,
      // one record with evidence (the one without is not counted) per quarter, target 1 → 100
      exemplary_work: [1, 1, 1, 100],
      exemplary: 100,
    });
    // (30 × 81.2086 + 15 × 50 + 10 × 75 + 15 × 75.641 + 20 × 74.074 + 10 × 100) / 100 = 75.5235
    expect(a.total).toBe(75.52);
    expect(a.rank).toBe(1);
  });

  it('乙: no case leaves the case dimension out of the total', async () => {
    const b = street(await q3(), '乙街道');
    expect(table(b)).toEqual({
      first_contact_on_time: [2, 2, 1, 100],
      resolved_on_time: [2, 2, 1, 100],
      community_tier_share: [2, 2, 1, 100],
      complaints: 100,
      case_decided_in_limit: [0, 0, null, null],
      cases: null,
      // 6 events / 3 months = 2, target 2 → 100; 60 / 6 = 10 per event, 10 / 30 → 33.33
      education_events: [6, 3, 2, 100],
      education_attendance: [60, 6, 10, 33.33],
      // (50 × 100 + 50 × 33.333) / 100 = 66.67
      education: 66.67,
      online_channel_share: [2, 2, 1, 100],
      // its one placard was found damaged on 09-01
      placard_coverage: [0, 1, 0, 0],
      // one liaison, no visit in 13 weeks
      visit_compliance: [0, 13, 0, 0],
      // (30 × 100 + 40 × 0 + 30 × 0) / 100 = 30
      digital: 30,
      ticket_satisfaction: [2, 2, 1, 100],
      survey_satisfaction: [0, 0, null, null],
      satisfaction: 100,
      exemplary_work: [0, 1, 0, 0],
      exemplary: 0,
    });
    // (30 × 100 + 10 × 66.667 + 15 × 30 + 20 × 100 + 10 × 0) / (100 − 15) = 71.9608 → 71.96
    expect(b.total).toBe(71.96);
    expect(b.rank).toBe(2);
  });

  it('丙: only what it has data for is scored', async () => {
    const c = street(await q3(), '丙街道');
    const t = table(c);
    expect([t.complaints, t.cases, t.satisfaction]).toEqual([null, null, null]);
    // no event in 3 months: 0; no attendance to average: left out
    expect(t.education_events).toEqual([0, 3, 0, 0]);
    expect(t.education_attendance).toEqual([0, 0, null, null]);
    expect(t.education).toBe(0);
    // its one building has a printed placard never checked; it has no liaison
    expect(t.placard_coverage).toEqual([1, 1, 1, 100]);
    expect(t.visit_compliance).toEqual([0, 0, null, null]);
    expect(t.digital).toBe(100);
    expect(t.exemplary).toBe(0);
    // (10 × 0 + 15 × 100 + 10 × 0) / (10 + 15 + 10) = 42.857 → 42.86
    expect(c.total).toBe(42.86);
    expect(c.rank).toBe(3);
  });

  it('carries the weights and targets of the scheme on every number', async () => {
    const a = street(await q3(), '甲街道');
    const complaints = a.dimensions.find((d) => d.key === 'complaints');
    expect(complaints?.weight).toBe(30);
    expect(complaints?.indicators[0]).toMatchObject({ target: 0.95, weight: 40 });
  });
});

describe('drill-down', () => {
  const url = (streetId: string, indicator: string) =>
    `/api/staff/assessment/drilldown?period=2026-Q3&streetId=${streetId}&indicator=${indicator}`;

  it('lists exactly the tickets behind on-time first contact, marking those counted', async () => {
    const { body } = await get<Drilldown>(url(scene.streets.a.id, 'first_contact_on_time'));
    const ids = [scene.tickets.a1, scene.tickets.a2, scene.tickets.a3, scene.tickets.a4];
    expect(body?.records.map((r) => r.id)).toEqual(ids);
    expect(body?.records.map((r) => r.counted)).toEqual([true, false, true, true]);
    expect(body?.records.filter((r) => r.counted)).toHaveLength(body?.numerator ?? -1);
    expect(body?.records[1]?.times.firstContactAt).toBe('2026-07-07T01:00:00.000Z');
    expect(body?.records[0]?.label).toMatch(/^AS\d{6}$/);
  });

  it('lists the visit weeks and the cases behind their numbers', async () => {
    const visits = await get<Drilldown>(url(scene.streets.a.id, 'visit_compliance'));
    expect(visits.body?.total).toBe(13);
    expect(visits.body?.records.filter((r) => r.counted)).toHaveLength(10);
    const cases = await get<Drilldown>(url(scene.streets.a.id, 'case_decided_in_limit'));
    expect(cases.body?.records.map((r) => [r.times.decidedOn, r.counted])).toEqual([
      ['2026-08-10', true],
      ['2026-09-05', false],
    ]);
  });

  it('pages the records', async () => {
    const { body } = await get<Drilldown>(
      `${url(scene.streets.a.id, 'visit_compliance')}&pageSize=5&page=3`,
    );
    expect([body?.total, body?.records.length, body?.page]).toEqual([13, 3, 3]);
  });

  it("shows a street admin every street's ranking, only their own records", async () => {
    const admin = scene.users.adminA;
    expect(
      (await get<Scores>('/api/staff/assessment/scores?period=2026-Q3', admin)).body?.streets,
    ).toHaveLength(3);
    expect((await get(url(scene.streets.a.id, 'resolved_on_time'), admin)).status).toBe(200);
    expect((await get(url(scene.streets.b.id, 'resolved_on_time'), admin)).status).toBe(403);
    expect(
      (await get(url(scene.streets.b.id, 'resolved_on_time'), scene.users.auditor)).status,
    ).toBe(200);
  });

  it('refuses liaisons, unknown periods and periods not begun', async () => {
    expect(
      (await get('/api/staff/assessment/scores?period=2026-Q3', scene.users.liaisonA)).status,
    ).toBe(403);
    const bad = await get('/api/staff/assessment/scores?period=2026-Q5');
    expect(bad.status).toBe(400);
    expect(bad.res.body).toContain('period');
    expect((await get('/api/staff/assessment/scores?period=2027-01')).status).toBe(400);
  });
});

describe('the scheme of weights and targets', () => {
  async function put(payload: object, user = scene.users.bureau) {
    return scene.t.app.inject({
      method: 'PUT',
      url: '/api/staff/assessment/scheme',
      headers: { cookie: await scene.as(user) },
      payload,
    });
  }
  const body = {
    ...defaultScheme,
    dimensions: { ...defaultScheme.dimensions, complaints: 40, cases: 5 },
  };

  it('keeps every version; a new one applies from its month, the past unchanged', async () => {
    expect((await put({ effectiveFrom: '2026-09', reason: '调整权重', body })).statusCode).toBe(
      400,
    );
    const wrong = await put({
      effectiveFrom: '2026-11',
      reason: '调整权重',
      body: { ...body, dimensions: { ...body.dimensions, cases: 50 } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('body.dimensions');
    expect(
      (await put({ effectiveFrom: '2026-11', reason: '调整权重', body }, scene.users.adminA))
        .statusCode,
    ).toBe(403);

    const saved = await put({ effectiveFrom: '2026-11', reason: '加重投诉处置', body });
    expect(saved.statusCode).toBe(200);
    const scheme = json<Scheme>(saved);
    expect(scheme.current.version).toBe(1);
    expect(scheme.history.map((v) => [v.version, v.effectiveFrom, v.reason])).toEqual([
      [2, '2026-11', '加重投诉处置'],
      [1, '2020-01', '默认方案 / default scheme'],
    ]);
    expect((await q3()).schemeVersion).toBe(1);
    const audit = await scene.t.handle.db
      .selectFrom('audit_entries')
      .select(['record_id'])
      .where('action', '=', 'assessment.scheme_set')
      .execute();
    expect(audit.map((e) => e.record_id)).toEqual(['2']);
  });
});
