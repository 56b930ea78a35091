// What the case tests share: the demo app on a clock the test moves, the officers of the demo's
// sample placard street (殷行街道), a resident's ticket accepted by its liaison, and short ways to
// register a case and take its steps through the API.
import type { LightMyRequestResponse } from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { StaffCase } from '../src/contract/case-views.js';
import type { Receipt, StaffTicket, TicketList } from '../src/contract/tickets.js';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from './app.js';

/** Valid identity numbers (their check characters are right) for the parties of the tests. */
export const ids = {
  personA: '310110198001011236',
  personB: '310110199002154567',
  companyA: '91310110MA1FL0000B',
  companyB: '91310110MA1FL1111C',
} as const;

/** An instant written as Shanghai wall-clock time. */
export function local(text: string): Date {
  return new Date(`${text}+08:00`);
}

/** The demo app and the accounts the case tests sign in as. */
export interface CaseScene {
  t: TestApp;
  /** Usernames: the sample room's liaison, a liaison of another 殷行 room, one of another street. */
  users: { liaison: string; colleague: string; stranger: string };
  /** Sets the clock to a Shanghai time; sessions are opened again after it moves. */
  at(text: string): void;
  /** The session cookie of a user at the current clock. */
  as(username: string): Promise<string>;
  /** A resident's complaint at the sample placard, accepted by its liaison; returns its id. */
  acceptedTicket(description: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the demo app with its clock at `start` (Shanghai time). */
export async function openCaseScene(start: string): Promise<CaseScene> {
  const t = await startTestApp(local(start));
  const token = t.demo.samplePlacard.token;
  const room = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.username', 'staff.street_id', 'rooms.id as room_id'])
    .where('buildings.placard_token', '=', token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  const colleague = await t.handle.db
    .selectFrom('staff')
    .innerJoin('room_liaisons', 'room_liaisons.staff_id', 'staff.id')
    .select('staff.username')
    .where('staff.street_id', '=', room.street_id)
    .where('room_liaisons.room_id', '<>', room.room_id)
    .orderBy('staff.username')
    .executeTakeFirstOrThrow();
  const stranger = await t.handle.db
    .selectFrom('staff')
    .select('username')
    .where('role', '=', 'liaison')
    .where('street_id', '<>', room.street_id ?? '')
    .orderBy('username')
    .executeTakeFirstOrThrow();
  const sessions = new Map<string, string>();

  const scene: CaseScene = {
    t,
    users: { liaison: room.username, colleague: colleague.username, stranger: stranger.username },
    at(text) {
      t.clock.now = local(text);
      sessions.clear();
    },
    async as(username) {
      const known = sessions.get(username);
      if (known) {
        return known;
      }
      const cookie = await loginAs(t.app, username);
      sessions.set(username, cookie);
      return cookie;
    },
    async acceptedTicket(description) {
      const filed = await t.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: { placardToken: token, kind: 'complaint', description, phone: '13800138000' },
      });
      expect(filed.statusCode).toBe(201);
      const code = json<Receipt>(filed).trackingCode;
      const cookie = await scene.as(room.username);
      const inbox = json<TicketList>(
        await t.app.inject({ url: '/api/staff/tickets?pageSize=100', headers: { cookie } }),
      );
      const id = inbox.items.find((i) => i.trackingCode === code)?.id ?? '';
      const accepted = await post(t, cookie, `/api/staff/tickets/${id}/actions/accept`, {});
      expect(accepted.statusCode).toBe(200);
      return id;
    },
    close: () => t.close(),
  };
  return scene;
}

/** POSTs a JSON body as a signed-in user. */
export function post(t: TestApp, cookie: string, url: string, payload: object) {
  return t.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie } });
}

/** GETs as a signed-in user. */
export function get(t: TestApp, cookie: string, url: string) {
  return t.app.inject({ url, headers: { cookie } });
}

/** The body of a case answer, after checking its status code. */
export function caseOf(res: LightMyRequestResponse, status = 200): StaffCase {
  expect(res.statusCode, res.body).toBe(status);
  return json<StaffCase>(res);
}

/** A ticket as staff see it. */
export async function ticketOf(scene: CaseScene, username: string, id: string) {
  const res = await get(scene.t, await scene.as(username), `/api/staff/tickets/${id}`);
  expect(res.statusCode).toBe(200);
  return json<StaffTicket>(res);
}

/** Takes one case step as a user; returns the raw answer. */
export async function step(
  scene: CaseScene,
  username: string,
  caseId: string,
  name: string,
  body: object,
) {
  return post(scene.t, await scene.as(username), `/api/staff/cases/${caseId}/steps/${name}`, body);
}

/** A registration body with a person as party; fields can be replaced. */
export function registration(overrides: Record<string, unknown> = {}) {
  return {
    body: 'street',
    matterCode: 'DCSN',
    place: '殷行路100弄3号楼',
    facts: '当事人在3号楼一楼门厅内停放电动自行车并充电。',
    party: {
      kind: 'person',
      name: '张三丰',
      idNumber: ids.personA,
      address: '殷行路100弄3号101室',
      phone: '13912345678',
    },
    ...overrides,
  };
}

/** Uploads the test photo through the photo pipeline and returns its id. */
export async function uploadPhoto(t: TestApp): Promise<string> {
  const uploads = path.resolve(import.meta.dirname, 'cases/uploads');
  const bytes = readFileSync(path.join(uploads, 'photo-exif-gps.jpg'));
  const { payload, headers } = multipartPhoto(bytes, 'IMG_0001.jpg');
  const res = await t.app.inject({ method: 'POST', url: '/api/public/photos', payload, headers });
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res).id;
}
