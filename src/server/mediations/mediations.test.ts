import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mediation, MediationList } from '../../contract/mediation-views.js';
import type { StaffReferral } from '../../contract/referrals.js';
import type { StaffTicket } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import {
  applicant,
  openStandard,
  post,
  respondent,
  sampleLiaison,
  sessionBody,
} from '../../../test/mediation-scene.js';

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

const secrets = [
  applicant.name,
  applicant.phone,
  applicant.idNumber,
  applicant.address,
  respondent.name,
  respondent.phone,
];

describe('a mediation opened from a ticket', () => {
  let cookie: string;
  let ticketId: string;
  let opened: Mediation;

  it('numbers it 2025-0001, shows the parties masked and offers a session or an end', async () => {
    ({ cookie, ticketId, mediation: opened } = await openStandard(t, liaison.username, liaison.id));
    expect(opened.number).toBe('2025-0001');
    expect(opened.status).toBe('open');
    const ticket = json<StaffTicket>(await get(`/api/staff/tickets/${ticketId}`, cookie));
    expect(opened.source).toEqual({
      kind: 'ticket',
      id: ticketId,
      trackingCode: ticket.trackingCode,
    });
    expect(opened.parties).toEqual([
      {
        index: 0,
        role: 'applicant',
        nameMasked: '张*',
        phoneMasked: '138****8000',
        idNumberMasked: '1101**********002X',
        addressGiven: true,
      },
      {
        index: 1,
        role: 'respondent',
        nameMasked: '李*',
        phoneMasked: '139****5678',
        idNumberMasked: null,
        addressGiven: false,
      },
    ]);
    expect(opened.mediators.map((m) => [m.orgKind, m.staff?.id ?? null])).toEqual([
      ['people_committee', null],
      ['urban_management', liaison.id],
    ]);
    expect(opened.steps).toEqual(['add_session', 'end']);
  });

  it('never answers with a party’s full name, phone, ID number or address', async () => {
    const detail = (await get(`/api/staff/mediations/${opened.id}`, cookie)).body;
    const list = (await get('/api/staff/mediations', cookie)).body;
    for (const secret of secrets) {
      expect(detail).not.toContain(secret);
      expect(list).not.toContain(secret);
    }
    expect(json<MediationList>(await get('/api/staff/mediations', cookie)).items).toEqual([
      expect.objectContaining({ number: '2025-0001', partiesMasked: ['张*', '李*'] }),
    ]);
  });

  it('stores every party detail encrypted', async () => {
    const rows = await t.handle.db.selectFrom('mediation_parties').selectAll().execute();
    const stored = JSON.stringify(rows);
    for (const secret of secrets) {
      expect(stored).not.toContain(secret);
    }
    expect(rows[0]?.name_enc).toMatch(/^v2:aes-256-gcm:[0-9a-f]{8}:/);
    expect(rows[0]?.address_enc).toMatch(/^v2:aes-256-gcm:[0-9a-f]{8}:/);
  });

  it('writes 调解已开始 with the mediation’s number into the ticket’s timeline', async () => {
    const ticket = json<StaffTicket>(await get(`/api/staff/tickets/${ticketId}`, cookie));
    const last = ticket.timeline.at(-1);
    expect(last?.type).toBe('mediation_started');
    expect(last?.note).toBe('2025-0001');
  });

  it('moves to in_session with the first session, keeping who attended', async () => {
    const res = await post(
      t,
      `/api/staff/mediations/${opened.id}/steps/add_session`,
      cookie,
      sessionBody(t),
    );
    expect(res.statusCode).toBe(200);
    const m = json<Mediation>(res);
    expect(m.status).toBe('in_session');
    expect(m.sessions).toHaveLength(1);
    expect(m.sessions[0]?.attendees).toEqual({ parties: [0, 1], mediators: [0, 1], others: null });
    expect(m.sessions[0]?.heldAt).toBe('2025-10-09T01:00:00.000Z');
    expect(m.steps).toEqual(['add_session', 'record_written', 'record_oral', 'end']);
  });

  it('records the written agreement: check on 7 Nov, confirmation until 10 Nov', async () => {
    const res = await post(t, `/api/staff/mediations/${opened.id}/steps/record_written`, cookie, {
      responsibilities: '被申请人夜间施工影响申请人休息，应承担主要责任。',
      terms: '一、被申请人每日 8 时至 18 时施工；二、被申请人赔偿申请人 500 元。',
      performanceManner: '现金当面支付',
      performanceDeadline: '2025-10-31',
      signedOn: '2025-10-09',
    });
    expect(res.statusCode).toBe(200);
    const m = json<Mediation>(res);
    expect(m.status).toBe('agreed_written');
    // Art 33: 30 days from 9 October is Saturday 8 November; the period ends on Monday.
    expect(m.outcome).toMatchObject({
      kind: 'written',
      signedOn: '2025-10-09',
      performanceDeadline: '2025-10-31',
      judicialConfirmationLastDay: '2025-11-10',
    });
    // MEDIATION_CHECK_DAYS (7) after the performance deadline.
    expect(m.check).toEqual({
      dueOn: '2025-11-07',
      overdue: false,
      result: null,
      note: null,
      checkedAt: null,
      checkedBy: null,
    });
    expect(m.steps).toEqual(['schedule_check', 'record_check']);
  });

  it('shows the check as due in the list on its day and overdue after it', async () => {
    const start = t.clock.now;
    t.clock.now = new Date('2025-11-07T09:00:00+08:00');
    const fresh = await loginAs(t.app, liaison.username);
    const due = json<MediationList>(await get('/api/staff/mediations?status=check_due', fresh));
    expect(due.items.map((i) => [i.number, i.checkDueOn, i.checkOverdue])).toEqual([
      ['2025-0001', '2025-11-07', false],
    ]);
    t.clock.now = new Date('2025-11-08T09:00:00+08:00');
    const later = await loginAs(t.app, liaison.username);
    const overdue = json<MediationList>(await get('/api/staff/mediations?status=check_due', later));
    expect(overdue.items[0]?.checkOverdue).toBe(true);
    t.clock.now = start;
    cookie = await loginAs(t.app, liaison.username);
  });

  it('records a check finding the agreement not performed, then the referral', async () => {
    const refused = await post(t, `/api/staff/mediations/${opened.id}/steps/record_check`, cookie, {
      result: 'not_performed',
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).details).toEqual([
      expect.objectContaining({ field: 'note', messageEn: 'say what was not performed' }),
    ]);
    const checked = await post(t, `/api/staff/mediations/${opened.id}/steps/record_check`, cookie, {
      result: 'not_performed',
      note: '被申请人仍在夜间施工，赔偿未支付。',
    });
    const m = json<Mediation>(checked);
    expect(m.status).toBe('performance_checked');
    expect(m.check).toMatchObject({ result: 'not_performed', checkedBy: { id: liaison.id } });
    expect(m.steps).toEqual(['set_followup']);

    const sent = await post(t, `/api/staff/tickets/${ticketId}/referrals`, cookie, {
      departments: ['fangguan'],
      kind: 'information',
      requestText: '请协助核实该户装修备案情况。',
    });
    const referral = json<{ items: StaffReferral[] }>(sent).items[0];
    const wrong = await post(t, `/api/staff/mediations/${opened.id}/steps/set_followup`, cookie, {
      kind: 'referral',
      id: 'NOSUCHREFERRAL',
    });
    expect(json(wrong).details).toEqual([expect.objectContaining({ field: 'id' })]);
    const followed = await post(
      t,
      `/api/staff/mediations/${opened.id}/steps/set_followup`,
      cookie,
      {
        kind: 'referral',
        id: referral?.id,
      },
    );
    expect(json<Mediation>(followed).followup).toMatchObject({
      kind: 'referral',
      id: referral?.id,
    });
    expect(json<Mediation>(followed).steps).toEqual([]);
  });

  it('audits every change in order, with field names and never a party’s details', async () => {
    const entries = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'detail'])
      .where('record_type', '=', 'mediation')
      .where('record_id', '=', opened.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'mediation.open',
      'mediation.add_session',
      'mediation.record_written',
      'mediation.record_check',
      'mediation.set_followup',
    ]);
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({
      source: 'ticket',
      sourceId: ticketId,
      disputeType: 'renovation',
      parties: 2,
      mediators: 2,
      fields: ['name', 'phone', 'idNumber', 'address'],
    });
    const all = JSON.stringify(
      await t.handle.db.selectFrom('audit_entries').select('detail').execute(),
    );
    for (const secret of secrets) {
      expect(all).not.toContain(secret);
    }
  });
});
