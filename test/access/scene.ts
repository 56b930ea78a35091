// The scene of the access matrix (docs/security.md "Access matrix"): the demo district with a
// resident's ticket at the sample placard of 殷行街道 (street A), worked by its liaison into a
// referral, a mediation and a case, plus a visit; one principal per role of the matrix, each
// signed in once; and the ids a route's parameters take.
import type { Mediation } from '../../src/contract/mediation-views.js';
import type { StaffCase } from '../../src/contract/case-views.js';
import type { StaffReferral } from '../../src/contract/referrals.js';
import type { Receipt, TicketList } from '../../src/contract/tickets.js';
import type { FieldPlaces } from '../../src/contract/visits.js';
import type { StaffRole } from '../../src/contract/auth.js';
import type { ObjectKind } from '../../src/server/http/access-policy.js';
import { json, loginAs, startTestApp, type TestApp } from '../app.js';
import { registration } from '../case-scene.js';
import { openingBody } from '../mediation-scene.js';

/** Who sends a request of the matrix. */
export interface Principal {
  /** As the test names read: "liaison of street B". */
  name: string;
  /** The staff role, or null for the anonymous caller and the resident. */
  role: StaffRole | null;
  /** The Cookie header; empty for the anonymous caller. */
  cookie: string;
  /** Whether the principal holds the scene's receipt (the follow link) and a phone session. */
  resident: boolean;
}

/** The reporter of the scene's ticket: rare values, so that any appearance of them is a leak. */
export const reporter = { name: '欧阳翠花', phone: '13800138000' };

/** The department the scene's ticket is referred to, and the other departments. */
export const referredDepartment = 'fangguan.dept';
const departmentUsers = [
  referredDepartment,
  'lvhua.dept',
  'guihua.dept',
  'shuju.dept',
  'chengyun.dept',
];

/** The built scene. */
export interface AccessScene {
  t: TestApp;
  principals: Principal[];
  /** Objects of street A, by kind. */
  objects: Partial<Record<ObjectKind, string>>;
  /** The ticket's receipt: its tracking code and the token of its follow link. */
  receipt: { trackingCode: string; accessToken: string };
  /** The principal of a name. */
  as(name: string): Principal;
  close(): Promise<void>;
}

async function firstLiaisonOfSamplePlacard(t: TestApp) {
  return t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.username', 'staff.id', 'buildings.id as buildingId'])
    .where('buildings.placard_token', '=', t.demo.samplePlacard.token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
}

/** Asks for a code, reads it from the outbox as the SMS worker would, and verifies it. */
async function residentSession(t: TestApp, phone: string): Promise<string> {
  const asked = await t.app.inject({
    method: 'POST',
    url: '/api/public/mine/code',
    payload: { phone },
  });
  expectStatus(asked.statusCode, 202, asked.body);
  const rows = await t.handle.db
    .selectFrom('outbox')
    .selectAll()
    .where('event', '=', 'verification_code')
    .execute();
  const row = rows.find((r) => t.ctx.cipher.decrypt(r.recipient_enc ?? '') === phone);
  const payload = JSON.parse(row?.payload ?? '{}') as { codeEnc: string };
  const code = t.ctx.cipher.decrypt(payload.codeEnc);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/mine/verify',
    payload: { phone, code },
  });
  const cookie = res.cookies.find((c) => c.name === 'linli_mine');
  expectStatus(res.statusCode, 204, res.body);
  return `linli_mine=${cookie?.value ?? ''}`;
}

function expectStatus(actual: number, expected: number, body: string): void {
  if (actual !== expected) {
    throw new Error(`scene step answered ${actual}, not ${expected}: ${body}`);
  }
}

async function post(t: TestApp, cookie: string, url: string, payload: object, status = 201) {
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload: payload as never,
    headers: { cookie },
  });
  expectStatus(res.statusCode, status, res.body);
  return res;
}

async function fileTicket(t: TestApp, liaisonCookie: string) {
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'complaint',
      description: '楼上装修噪声持续到深夜，多次沟通无果。',
      phone: reporter.phone,
      reporterName: reporter.name,
    },
  });
  expectStatus(filed.statusCode, 201, filed.body);
  const receipt = json<Receipt>(filed);
  const inbox = json<TicketList>(
    await t.app.inject({
      url: '/api/staff/tickets?pageSize=100',
      headers: { cookie: liaisonCookie },
    }),
  );
  const id = inbox.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
  await post(t, liaisonCookie, `/api/staff/tickets/${id}/actions/accept`, {}, 200);
  return { id, receipt };
}

async function workTicket(t: TestApp, cookie: string, ticketId: string, liaisonId: string) {
  const referred = await post(t, cookie, `/api/staff/tickets/${ticketId}/referrals`, {
    departments: ['fangguan'],
    kind: 'evidence',
    requestText: '请协助核实该户装修是否办理备案。',
    photoIds: [],
  });
  const referrals = json<{ items: StaffReferral[] }>(referred).items;
  const mediation = json<Mediation>(
    await post(t, cookie, '/api/staff/mediations', openingBody(ticketId, liaisonId)),
  );
  const registered = json<StaffCase>(await post(t, cookie, '/api/staff/cases', registration()));
  const places = await t.app.inject({ url: '/api/staff/field-places', headers: { cookie } });
  const communityId = json<FieldPlaces>(places).communities[0]?.id ?? '';
  const today = t.clock.now.toISOString().slice(0, 10);
  const visited = await post(t, cookie, '/api/staff/visits', {
    date: today,
    communityId,
    partners: ['residents_committee'],
  });
  return {
    referral: referrals[0]?.id ?? '',
    mediation: mediation.id,
    case: registered.id,
    community: communityId,
    visit: json<{ id: string }>(visited).id,
  };
}

/** Builds the scene on a fresh demo database; about two seconds on SQLite. */
export async function openAccessScene(): Promise<AccessScene> {
  const t = await startTestApp(new Date('2026-03-02T10:00:00+08:00'));
  const liaisonA = await firstLiaisonOfSamplePlacard(t);
  const cookieA = await loginAs(t.app, liaisonA.username);
  const ticket = await fileTicket(t, cookieA);
  const worked = await workTicket(t, cookieA, ticket.id, liaisonA.id);
  const staff: [string, string, StaffRole][] = [
    ['liaison of street A', liaisonA.username, 'liaison'],
    ['liaison of street B', 'dinghai.1', 'liaison'],
    ['street admin of A', 'yinhang.admin', 'street_admin'],
    ['street admin of B', 'dinghai.admin', 'street_admin'],
    ['bureau admin', 'admin', 'bureau_admin'],
    ...departmentUsers.map((u): [string, string, StaffRole] => [
      `department ${u}`,
      u,
      'department',
    ]),
    ['auditor', 'auditor', 'auditor'],
    ['security admin', 'secadmin', 'security_admin'],
    ['system admin', 'sysadmin', 'system_admin'],
  ];
  const principals: Principal[] = [
    { name: 'anonymous', role: null, cookie: '', resident: false },
    {
      name: 'resident',
      role: null,
      cookie: await residentSession(t, reporter.phone),
      resident: true,
    },
  ];
  for (const [name, username, role] of staff) {
    const cookie = username === liaisonA.username ? cookieA : await loginAs(t.app, username);
    principals.push({ name, role, cookie, resident: false });
  }
  return {
    t,
    principals,
    objects: {
      ...worked,
      ticket: ticket.id,
      building: liaisonA.buildingId,
      matter: 'DCSN',
      staff_account: liaisonA.id,
    },
    receipt: { trackingCode: ticket.receipt.trackingCode, accessToken: ticket.receipt.accessToken },
    as(name) {
      const found = principals.find((p) => p.name === name);
      if (!found) {
        throw new Error(`no principal "${name}"`);
      }
      return found;
    },
    close: () => t.close(),
  };
}
