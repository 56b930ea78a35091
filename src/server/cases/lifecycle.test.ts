import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffCase } from '../../contract/case-views.js';
import {
  caseOf,
  get,
  openCaseScene,
  post,
  registration,
  step,
  ticketOf,
  uploadPhoto,
  type CaseScene,
} from '../../../test/case-scene.js';

let s: CaseScene;
let liaison: string;

beforeAll(async () => {
  s = await openCaseScene('2026-03-02T10:00:00');
  liaison = s.users.liaison;
});

afterAll(async () => {
  await s.close();
});

function limit(c: StaffCase, key: string) {
  return c.limits.find((l) => l.key === key);
}

describe('a fine from a ticket, paid late, to closure', () => {
  let ticketId: string;
  let caseId: string;
  let caseNo: string;

  it('registers the case on 2 March 2026 with its decision due by the end of 31 May', async () => {
    ticketId = await s.acceptedTicket('3号楼门厅里每天晚上都有人给电动车充电，很危险。');
    const created = caseOf(
      await post(s.t, await s.as(liaison), '/api/staff/cases', registration({ ticketId })),
      201,
    );
    caseId = created.id;
    caseNo = created.caseNo;
    expect(created.status).toBe('registered');
    expect(caseNo).toBe('殷行街道〔2026〕0001号');
    expect(created.body.name).toBe('殷行街道办事处（综合行政执法队）');
    expect(created.matter.penaltyBasis).toBe(
      '《上海市非机动车安全管理条例》第四十四条第二款第（四）项',
    );
    expect(created.matter.fineRanges).toContainEqual({
      partyKind: 'person',
      circumstance: 'ordinary',
      minFen: 20_000,
      maxFen: 50_000,
    });
    expect(limit(created, 'decision')).toMatchObject({
      days: 90,
      unit: 'calendar',
      lastDay: '2026-05-31',
      dueAt: '2026-05-31T15:59:59.999Z',
      state: 'running',
    });
    expect(created.party).toEqual({
      kind: 'person',
      name: '张*',
      idNumber: '3101**********1236',
      address: '殷行路100****',
      phone: '139****5678',
    });
    expect(created.history).toEqual({ firstViolation: true, earlier: [] });
    expect(created.steps).toEqual(['investigate', 'cancel']);
  });

  it('takes the ticket off its clock, linked to the case both ways', async () => {
    const ticket = await ticketOf(s, liaison, ticketId);
    expect(ticket.status).toBe('in_case');
    expect(ticket.deadlines.clockStopped).toBe(true);
    expect(ticket.timeline.at(-1)).toMatchObject({
      type: 'moved_to_case',
      note: `立案：${caseNo}`,
    });
    const c = caseOf(await get(s.t, await s.as(liaison), `/api/staff/cases/${caseId}`));
    expect(c.ticket).toEqual({
      id: ticketId,
      trackingCode: ticket.trackingCode,
      status: 'in_case',
    });
    const listed = await get(s.t, await s.as(liaison), `/api/staff/cases?ticketId=${ticketId}`);
    expect(listed.json<{ total: number }>().total).toBe(1);
  });

  it('stores the party encrypted, never in plain text', async () => {
    const row = await s.t.handle.db
      .selectFrom('case_parties')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('张三丰');
    expect(JSON.stringify(row)).not.toContain('310110198001011236');
    expect(JSON.stringify(row)).not.toContain('13912345678');
  });

  it('investigates with a photo of the evidence', async () => {
    caseOf(await step(s, liaison, caseId, 'investigate', { note: '现场检查，拍照取证' }));
    const photoId = await uploadPhoto(s.t);
    const url = `/api/staff/cases/${caseId}/evidence`;
    const c = caseOf(
      await post(s.t, await s.as(liaison), url, {
        photoIds: [photoId],
        caption: '门厅内充电的电动自行车',
      }),
    );
    expect(c.evidence).toHaveLength(1);
    expect(c.evidence[0]).toMatchObject({ id: photoId, caption: '门厅内充电的电动自行车' });
    const photo = await get(s.t, await s.as(liaison), `${url}/${photoId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
  });

  it('tells the party of the fine proposed, no hearing right; decides 12 March', async () => {
    s.at('2026-03-09T09:30:00');
    // A proposal outside the range is refused at the 告知 already, naming the field.
    const tooHigh = await step(s, liaison, caseId, 'notify', {
      deliveredOn: '2026-03-09',
      proposedFineFen: 60_000,
      hearingRight: false,
      summary: '拟对当事人处以罚款600元。',
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json<{ details: { field: string; message: string }[] }>().details[0]).toEqual({
      field: 'proposedFineFen',
      message: '罚款超出法定幅度：在居住建筑内停放电动自行车或充电对个人的罚款为200元至500元',
      messageEn: 'the fine must lie between 200 and 500 yuan for a person',
    });
    const notified = caseOf(
      await step(s, liaison, caseId, 'notify', {
        deliveredOn: '2026-03-09',
        proposedFineFen: 50_000,
        hearingRight: false,
        summary: '拟对当事人处以罚款500元，当事人享有陈述、申辩的权利。',
      }),
    );
    expect(notified.status).toBe('notified');
    expect(limit(notified, 'hearing_request')).toBeUndefined();
    s.at('2026-03-12T15:00:00');
    const refused = await step(s, liaison, caseId, 'decide', {
      kind: 'penalty',
      decidedOn: '2026-03-12',
      decisionNo: '殷城管罚〔2026〕1号',
      fineFen: 60_000,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ details: { field: string; message: string }[] }>().details[0]).toEqual({
      field: 'fineFen',
      message: '罚款超出法定幅度：在居住建筑内停放电动自行车或充电对个人的罚款为200元至500元',
      messageEn: 'the fine must lie between 200 and 500 yuan for a person',
    });
    const decided = caseOf(
      await step(s, liaison, caseId, 'decide', {
        kind: 'penalty',
        decidedOn: '2026-03-12',
        decisionNo: '殷城管罚〔2026〕1号',
        fineFen: 50_000,
      }),
    );
    expect(decided.decision).toMatchObject({
      kind: 'penalty',
      fineFen: 50_000,
      rangeUnchecked: false,
    });
    expect(limit(decided, 'decision')).toMatchObject({ state: 'met', doneOn: '2026-03-12' });
    // 7 working days after Thursday 12 March: 13, 16, 17, 18, 19, 20, 23 March.
    expect(limit(decided, 'delivery')).toMatchObject({ unit: 'working', lastDay: '2026-03-23' });
  });

  it('gives 15 days to pay from the delivery on 16 March: until 31 March', async () => {
    s.at('2026-03-16T10:00:00');
    const delivered = caseOf(
      await step(s, liaison, caseId, 'deliver', { deliveredOn: '2026-03-16', method: 'direct' }),
    );
    expect(limit(delivered, 'delivery')).toMatchObject({ state: 'met' });
    expect(limit(delivered, 'payment')).toMatchObject({ lastDay: '2026-03-31', state: 'running' });
    expect(delivered.steps).toEqual(['record_payment', 'apply_court']);
  });

  it('counts 150 元 of 加处罚款 ten days late and caps it at 500 元 forty days late', async () => {
    s.at('2026-04-10T10:00:00');
    const tenDays = caseOf(await get(s.t, await s.as(liaison), `/api/staff/cases/${caseId}`));
    expect(tenDays.payment?.surcharge).toEqual({
      asOf: '2026-04-10',
      daysLate: 10,
      surchargeFen: 15_000,
      totalFen: 65_000,
      capped: false,
    });
    expect(limit(tenDays, 'payment')?.state).toBe('overdue');
    s.at('2026-05-10T10:00:00');
    const paid = caseOf(await step(s, liaison, caseId, 'record_payment', { paidOn: '2026-05-10' }));
    expect(paid.status).toBe('executing');
    expect(paid.payment?.surcharge).toEqual({
      asOf: '2026-05-10',
      daysLate: 40,
      surchargeFen: 50_000,
      totalFen: 100_000,
      capped: true,
    });
    expect(limit(paid, 'payment')).toMatchObject({ state: 'late', doneOn: '2026-05-10' });
  });

  it('closes the case and answers the ticket with the outcome', async () => {
    const closed = caseOf(await step(s, liaison, caseId, 'close', {}));
    const reply =
      '已立案处罚：对当事人处以罚款500元，逾期缴纳加处罚款500元，已执行完毕，案件已结案。';
    expect(closed.status).toBe('closed');
    expect(closed.steps).toEqual([]);
    expect(closed.ticketReply).toBe(reply);
    const ticket = await ticketOf(s, liaison, ticketId);
    expect(ticket.status).toBe('resolved');
    expect(ticket.outcome).toBe('case_to_register');
    expect(ticket.reply).toBe(reply);
    expect(ticket.timeline.at(-1)).toMatchObject({ type: 'resolved', outcome: 'case_to_register' });
    const notice = await s.t.handle.db
      .selectFrom('outbox')
      .select('event')
      .where('ticket_id', '=', ticketId)
      .where('event', '=', 'replied')
      .execute();
    expect(notice).toHaveLength(1);
  });

  it('keeps the whole timeline and audits each step with the ticket steps', async () => {
    const c = caseOf(await get(s.t, await s.as(liaison), `/api/staff/cases/${caseId}`));
    expect(c.timeline.map((e) => e.type)).toEqual([
      'registered',
      'investigate',
      'evidence_added',
      'notify',
      'decide',
      'deliver',
      'record_payment',
      'close',
    ]);
    const audit = await s.t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'detail'])
      .where('record_id', 'in', [caseId, ticketId])
      .orderBy('seq')
      .execute();
    // The ticket's own step is audited in the case's transaction, just before the case's entry.
    expect(audit.map((a) => a.action)).toEqual([
      'ticket.submit',
      'ticket.accept',
      'ticket.to_case',
      'case.register',
      'case.investigate',
      'case.evidence_add',
      'case.notify',
      'case.decide',
      'case.deliver',
      'case.record_payment',
      'ticket.resolve',
      'case.close',
    ]);
    expect(audit.map((a) => a.detail).join()).not.toContain('张三丰');
  });
});

describe('a no-penalty decision from a ticket (《行政处罚法》第三十三条)', () => {
  it('records the clause, education, correction and check, and answers the ticket', async () => {
    s.at('2026-06-01T09:00:00');
    const ticketId = await s.acceptedTicket('5号楼楼道里堆满了纸箱杂物，影响通行。');
    const body = registration({
      ticketId,
      matterCode: 'LDDW',
      party: {
        kind: 'person',
        name: '李四',
        idNumber: '310110199002154567',
        address: '殷行路100弄5号',
      },
    });
    const c = caseOf(await post(s.t, await s.as(liaison), '/api/staff/cases', body), 201);
    caseOf(await step(s, liaison, c.id, 'investigate', {}));
    const decided = caseOf(
      await step(s, liaison, c.id, 'decide', {
        kind: 'no_penalty',
        decidedOn: '2026-06-01',
        decisionNo: '殷城管不罚〔2026〕1号',
        clause: 'minor_corrected',
        educationForm: 'talk',
        educationContent: '当面讲解《上海市住宅物业管理规定》关于共用部位的规定。',
        correctionDueOn: '2026-06-05',
        followUpOn: '2026-06-08',
      }),
    );
    expect(decided.decision?.nonPenalty).toMatchObject({
      clause: 'minor_corrected',
      correctionDueOn: '2026-06-05',
      followUpOn: '2026-06-08',
      checkedOn: null,
    });
    expect(limit(decided, 'correction')).toMatchObject({ lastDay: '2026-06-05', state: 'running' });
    caseOf(
      await step(s, liaison, c.id, 'deliver', { deliveredOn: '2026-06-01', method: 'direct' }),
    );
    s.at('2026-06-08T10:00:00');
    const checked = caseOf(
      await step(s, liaison, c.id, 'follow_up', {
        checkedOn: '2026-06-08',
        result: 'corrected',
        note: '复查时楼道已清理干净',
      }),
    );
    expect(limit(checked, 'correction')).toMatchObject({ state: 'met', doneOn: '2026-06-08' });
    const closed = caseOf(await step(s, liaison, c.id, 'close', {}));
    const ticket = await ticketOf(s, liaison, ticketId);
    expect(ticket.status).toBe('resolved');
    expect(ticket.outcome).toBe('corrected');
    expect(ticket.reply).toBe(
      '已立案调查：违法行为轻微并及时改正，没有造成危害后果，依据《中华人民共和国行政处罚法》' +
        '第三十三条不予行政处罚，已责令改正并对当事人进行教育，经复查已改正，案件已结案。',
    );
    expect(closed.ticketReply).toBe(ticket.reply);
  });
});
