import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mediation } from '../../contract/mediation-views.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import {
  acceptedTicket,
  openingBody,
  openStandard,
  post,
  sampleLiaison,
  sessionBody,
} from '../../../test/mediation-scene.js';
import { registration } from '../../../test/case-scene.js';

let t: TestApp;
let liaison: { username: string; id: string };

beforeAll(async () => {
  // Thursday 9 October 2025, 10:00 in Shanghai.
  t = await startTestApp(new Date('2025-10-09T10:00:00+08:00'));
  liaison = await sampleLiaison(t);
});

afterAll(async () => {
  await t.close();
});

function get(url: string, cookie: string) {
  return t.app.inject({ url, headers: { cookie } });
}

describe('a mediation that ends without agreement', () => {
  it('requires the parties told of other routes and checks the case named', async () => {
    const { cookie, mediation } = await openStandard(t, liaison.username, liaison.id);
    expect(mediation.number).toBe('2025-0001');
    const url = `/api/staff/mediations/${mediation.id}/steps/end`;
    const untold = await post(t, url, cookie, { reason: '被申请人拒绝调解。' });
    expect(json(untold).details).toEqual([expect.objectContaining({ field: 'routesExplained' })]);
    const noCase = await post(t, url, cookie, {
      reason: '被申请人拒绝调解。',
      routesExplained: true,
      followup: { kind: 'case', id: 'NOSUCHCASE' },
    });
    expect(noCase.statusCode).toBe(400);
    expect(json(noCase).details).toEqual([expect.objectContaining({ field: 'followup.id' })]);
    const ended = await post(t, url, cookie, {
      reason: '被申请人拒绝调解。',
      routesExplained: true,
    });
    const m = json<Mediation>(ended);
    expect(m.status).toBe('ended_no_agreement');
    expect(m.outcome).toEqual({
      kind: 'none',
      reason: '被申请人拒绝调解。',
      routesExplained: true,
      endedOn: '2025-10-09',
    });
    expect(m.steps).toEqual(['set_followup']);

    // The case is named by its number, as the officer reads it on the case page.
    const caseTicket = await acceptedTicket(t, cookie);
    const registered = await post(
      t,
      '/api/staff/cases',
      cookie,
      registration({ ticketId: caseTicket }),
    );
    expect(registered.statusCode, registered.body).toBe(201);
    const theCase = json<{ id: string; caseNo: string }>(registered);
    expect(theCase.caseNo).toBe('殷行街道〔2025〕0001号');
    const followed = await post(
      t,
      `/api/staff/mediations/${mediation.id}/steps/set_followup`,
      cookie,
      {
        kind: 'case',
        id: ` ${theCase.caseNo} `,
      },
    );
    expect(followed.statusCode, followed.body).toBe(200);
    expect(json<Mediation>(followed).followup).toMatchObject({ kind: 'case', id: theCase.id });
    const again = await post(
      t,
      `/api/staff/mediations/${mediation.id}/steps/add_session`,
      cookie,
      sessionBody(t),
    );
    expect(again.statusCode).toBe(422);
  });

  it('refuses a written agreement without a committee mediator, naming the mediators', async () => {
    const cookie = await loginAs(t.app, liaison.username);
    const ticketId = await acceptedTicket(t, cookie);
    const body = openingBody(ticketId, liaison.id);
    const res = await post(t, '/api/staff/mediations', cookie, {
      ...body,
      mediators: body.mediators.filter((m) => m.orgKind === 'urban_management'),
    });
    const id = json<Mediation>(res).id;
    await post(t, `/api/staff/mediations/${id}/steps/add_session`, cookie, {
      ...sessionBody(t),
      attendees: { parties: [0, 1], mediators: [0] },
    });
    const written = await post(t, `/api/staff/mediations/${id}/steps/record_written`, cookie, {
      responsibilities: '双方各负一半责任。',
      terms: '被申请人停止夜间施工。',
      performanceManner: '自行履行',
      performanceDeadline: '2025-10-20',
      signedOn: '2025-10-09',
    });
    expect(written.statusCode).toBe(422);
    expect(json(written).details).toEqual([expect.objectContaining({ field: 'mediators' })]);
    expect(json<Mediation>(await get(`/api/staff/mediations/${id}`, cookie)).status).toBe(
      'in_session',
    );
  });

  it('records an oral agreement (Art 28), checked 7 days after the day it was made', async () => {
    const { cookie, mediation } = await openStandard(t, liaison.username, liaison.id);
    await post(
      t,
      `/api/staff/mediations/${mediation.id}/steps/add_session`,
      cookie,
      sessionBody(t),
    );
    const oral = await post(t, `/api/staff/mediations/${mediation.id}/steps/record_oral`, cookie, {
      content: '双方口头同意：被申请人当日起停止夜间施工。',
      agreedOn: '2025-10-09',
    });
    const m = json<Mediation>(oral);
    expect(m.status).toBe('agreed_oral');
    expect(m.outcome).toEqual({
      kind: 'oral',
      content: '双方口头同意：被申请人当日起停止夜间施工。',
      agreedOn: '2025-10-09',
      performanceDeadline: null,
    });
    expect(m.check?.dueOn).toBe('2025-10-16');
  });

  it('counts the check from the deadline by MEDIATION_CHECK_DAYS (14)', async () => {
    t.ctx.mediation.checkDaysAfterDeadline = 14;
    try {
      const { cookie, mediation } = await openStandard(t, liaison.username, liaison.id);
      const base = `/api/staff/mediations/${mediation.id}/steps`;
      await post(t, `${base}/add_session`, cookie, sessionBody(t));
      const oral = await post(t, `${base}/record_oral`, cookie, {
        content: '被申请人于十月二十日前修复渗水的管道。',
        agreedOn: '2025-10-09',
        performanceDeadline: '2025-10-20',
      });
      expect(json<Mediation>(oral).check?.dueOn).toBe('2025-11-03');
      const moved = await post(t, `${base}/schedule_check`, cookie, { checkOn: '2025-10-25' });
      expect(json<Mediation>(moved).check?.dueOn).toBe('2025-10-25');
      const early = await post(t, `${base}/schedule_check`, cookie, { checkOn: '2025-10-01' });
      expect(json(early).details).toEqual([expect.objectContaining({ field: 'checkOn' })]);
    } finally {
      t.ctx.mediation.checkDaysAfterDeadline = 7;
    }
  });
});
