// A mediation's setting for the API tests: a complaint filed at the demo's sample placard and
// accepted by the first liaison of its room, and the body that opens a mediation from it.
import type { Mediation } from '../src/contract/mediation-views.js';
import type { OpenMediation } from '../src/contract/mediations.js';
import type { Receipt, TicketList } from '../src/contract/tickets.js';
import { json, loginAs, type TestApp } from './app.js';

/** The full details of the two parties the tests use; none may ever appear in an answer. */
export const applicant = {
  role: 'applicant' as const,
  name: '张三丰',
  phone: '13800138000',
  idNumber: '11010519491231002X',
  address: '上海市杨浦区殷行路 100 弄 3 号 502 室',
};
export const respondent = {
  role: 'respondent' as const,
  name: '李四',
  phone: '13912345678',
};

/** The first liaison of the sample placard's room: user name and account id. */
export async function sampleLiaison(t: TestApp): Promise<{ username: string; id: string }> {
  const row = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.username', 'staff.id'])
    .where('buildings.placard_token', '=', t.demo.samplePlacard.token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  return row;
}

/** Files a complaint at the sample placard and has `cookie`'s liaison accept it; the ticket id. */
export async function acceptedTicket(t: TestApp, cookie: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'complaint',
      description: '楼上装修噪声持续到深夜，多次沟通无果。',
    },
  });
  const receipt = json<Receipt>(res);
  const inbox = json<TicketList>(
    await t.app.inject({ url: '/api/staff/tickets?pageSize=100', headers: { cookie } }),
  );
  const id = inbox.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
  const accepted = await t.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${id}/actions/accept`,
    payload: {},
    headers: { cookie },
  });
  if (accepted.statusCode !== 200) {
    throw new Error(`accept failed: ${accepted.body}`);
  }
  return id;
}

/** The body that opens a mediation from a ticket, with a committee mediator and the liaison. */
export function openingBody(ticketId: string, liaisonId: string): OpenMediation {
  return {
    source: { kind: 'ticket', id: ticketId },
    disputeType: 'renovation',
    facts: '被申请人家中装修，每日 22 时后仍使用电钻，申请人要求停止夜间施工并赔偿损失。',
    committeeName: '殷行街道开鲁一村居委会人民调解委员会',
    parties: [applicant, respondent],
    mediators: [
      {
        name: '王秀英',
        orgKind: 'people_committee',
        orgName: '开鲁一村居委会人民调解委员会',
      },
      { name: '城管队员', orgKind: 'urban_management', orgName: '殷行中队', staffId: liaisonId },
    ],
  };
}

/** POSTs with a session cookie. */
export function post(t: TestApp, url: string, cookie: string, payload: unknown) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie },
  });
}

/** Opens the standard mediation from a newly accepted ticket; the ticket id and mediation. */
export async function openStandard(t: TestApp, username: string, liaisonId: string) {
  const cookie = await loginAs(t.app, username);
  const ticketId = await acceptedTicket(t, cookie);
  const res = await post(t, '/api/staff/mediations', cookie, openingBody(ticketId, liaisonId));
  if (res.statusCode !== 201) {
    throw new Error(`open failed: ${res.statusCode} ${res.body}`);
  }
  return { cookie, ticketId, mediation: json<Mediation>(res) };
}

/** A session held an hour before the test clock, with both parties and both mediators. */
export function sessionBody(t: TestApp) {
  return {
    heldAt: new Date(t.clock.now.getTime() - 3600_000).toISOString(),
    place: '开鲁一村居委会调解室',
    attendees: { parties: [0, 1], mediators: [0, 1] },
    notes: '双方陈述了意见，被申请人同意调整施工时间。',
  };
}
