// The assessment fixture: three streets (甲, 乙, 丙) over 2026-Q3 with tickets of chosen times,
// tiers, channels and ratings, cases decided within and outside their limit, visits, education
// events, placards and exemplary work, on an app whose clock stands at 2026-10-15 (Shanghai).
// The expected scores are computed by hand in src/server/assessment/assessment.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { isoWeekOf } from '../src/domain/iso-week.js';
import { buildApp } from '../src/server/app.js';
import { createContext } from '../src/server/context-factory.js';
import type { Db } from '../src/server/db/database.js';
import type { BuildingTable, StaffTable, StreetTable } from '../src/server/db/schema.js';
import { newId } from '../src/server/ids.js';
import { json, loginAs, multipartPhoto, prepareTestApp, type TestApp } from './app.js';
import {
  createBuilding,
  createPlacardScene,
  createStaff,
  createStreet,
  factoryPassword,
  openTestDatabase,
  type PlacardScene,
} from './factories.js';

/** A Shanghai wall-clock time as an ISO instant. */
export function at(text: string): string {
  return new Date(`${text}+08:00`).toISOString();
}

export interface AssessmentScene {
  t: Omit<TestApp, 'demo'>;
  streets: { a: StreetTable; b: StreetTable; c: StreetTable };
  tickets: Record<string, string>;
  users: { bureau: string; auditor: string; adminA: string; liaisonA: string };
  as(username: string): Promise<string>;
  close(): Promise<void>;
}

interface TicketSpec {
  channel: string;
  created: string;
  firstContactDue: string | null;
  firstContact: string | null;
  resolveDue: string;
  resolved: string | null;
  tier: string | null;
  rating: string | null;
  handler?: string;
  mergedInto?: string;
}

let seq = 0;

async function addTicket(db: Db, scene: PlacardScene, spec: TicketSpec): Promise<string> {
  seq += 1;
  const id = newId();
  const status = spec.mergedInto ? 'merged' : spec.resolved ? 'closed' : 'contacted';
  await db
    .insertInto('tickets')
    .values({
      id,
      tracking_code: `AS${String(seq).padStart(6, '0')}`,
      access_hash: `assessment-access-${id}`,
      request_hash: `assessment-request-${id}`,
      kind: 'complaint',
      status,
      tier: spec.tier ?? 'community',
      channel: spec.channel,
      description: '测试工单',
      building_id: scene.building.id,
      room_id: scene.room.id,
      street_id: scene.street.id,
      created_at: at(spec.created),
      updated_at: at(spec.created),
      first_contact_at: spec.firstContact ? at(spec.firstContact) : null,
      first_contact_due_at: spec.firstContactDue ? at(spec.firstContactDue) : null,
      resolved_at: spec.resolved ? at(spec.resolved) : null,
      resolve_due_at: at(spec.resolveDue),
      calendar_fallback: 0,
      rating: spec.rating,
      event_count: 1,
      resolved_tier: spec.resolved ? spec.tier : null,
      handler_assessment: spec.handler ?? null,
      merged_into_id: spec.mergedInto ?? null,
    })
    .execute();
  return id;
}

async function addCase(db: Db, scene: PlacardScene, decidedOn: string, lastDay: string) {
  seq += 1;
  const limits = {
    decision: {
      days: 90,
      unit: 'calendar',
      sense: 'by',
      lastDay,
      dueAt: at(`${lastDay}T23:59:59`),
      fallback: false,
    },
  };
  await db
    .insertInto('cases')
    .values({
      id: newId(),
      case_no: `测试〔2026〕${String(seq)}号`,
      case_year: 2026,
      case_seq: seq,
      street_id: scene.street.id,
      body: 'street',
      source: 'patrol',
      matter_code: 'WFDJ',
      prohibition_basis: '测试',
      penalty_basis: '测试',
      penalty_range: '测试',
      place: '测试路1号',
      facts: '测试',
      status: 'decided',
      officer_id: scene.liaisons[0]?.id ?? '',
      registered_at: at('2026-06-01T09:00:00'),
      registered_on: '2026-06-01',
      limits: JSON.stringify(limits),
      hearing_right: 0,
      hearing_waived: 0,
      fine_serious: 0,
      range_unchecked: 0,
      decision_kind: 'penalty',
      decided_on: decidedOn,
      event_count: 1,
      updated_at: at(`${decidedOn}T10:00:00`),
    })
    .execute();
}

async function addEvent(db: Db, scene: PlacardScene, date: string, attendance: number, by: string) {
  await db
    .insertInto('education_events')
    .values({
      id: newId(),
      kind: 'lecture',
      title: `普法讲座 ${date}`,
      place: '居委会活动室',
      event_date: date,
      street_id: scene.street.id,
      community_id: scene.community.id,
      attendance,
      published: 1,
      created_by: by,
      created_at: at(`${date}T18:00:00`),
      updated_at: at(`${date}T18:00:00`),
    })
    .execute();
}

async function addPlacard(
  db: Db,
  building: BuildingTable,
  printed: string,
  check: { by: string; result: 'ok' | 'damaged' } | null,
) {
  seq += 1;
  const id = newId();
  await db
    .insertInto('placards')
    .values({
      id,
      building_id: building.id,
      point_no: `AS-${String(seq)}`,
      placement: '一楼门厅',
      created_at: at('2026-05-01T09:00:00'),
      printed_at: at(printed),
    })
    .execute();
  if (check) {
    await db
      .insertInto('placard_checks')
      .values({
        id: newId(),
        placard_id: id,
        checked_at: at('2026-09-01T10:00:00'),
        checked_by: check.by,
        result: check.result,
      })
      .execute();
  }
}

async function addVisits(db: Db, scene: PlacardScene, liaison: StaffTable, mondays: string[]) {
  for (const monday of mondays) {
    const tuesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (const day of [monday, tuesday]) {
      const id = newId();
      await db
        .insertInto('visits')
        .values({
          id,
          liaison_id: liaison.id,
          community_id: scene.community.id,
          street_id: scene.street.id,
          visit_date: day,
          iso_week: isoWeekOf(day),
          partners: '[]',
          created_by: liaison.id,
          created_at: at(`${day}T17:00:00`),
          updated_at: at(`${day}T17:00:00`),
          request_hash: `assessment-visit-${id}`,
        })
        .execute();
    }
  }
}

/** The weeks 2026-W28 … W37 (ten of the thirteen weeks of 2026-Q3), by their Mondays. */
const tenMondays = Array.from({ length: 10 }, (_, i) =>
  new Date(Date.parse('2026-07-06T00:00:00Z') + i * 7 * 86_400_000).toISOString().slice(0, 10),
);

/** 甲: four tickets of the quarter (and one of Q2, one merged), two cases, three events. */
async function streetA(db: Db, a: PlacardScene, bureau: StaffTable) {
  const tickets: Record<string, string> = {};
  tickets.a1 = await addTicket(db, a, {
    channel: 'placard',
    created: '2026-07-01T10:00:00',
    firstContactDue: '2026-07-02T10:00:00',
    firstContact: '2026-07-01T12:00:00',
    resolveDue: '2026-07-15T17:00:00',
    resolved: '2026-07-10T15:00:00',
    tier: 'community',
    rating: 'satisfied',
  });
  tickets.a2 = await addTicket(db, a, {
    channel: 'placard',
    created: '2026-07-05T09:00:00',
    firstContactDue: '2026-07-06T09:00:00',
    firstContact: '2026-07-07T09:00:00',
    resolveDue: '2026-07-20T17:00:00',
    resolved: '2026-07-25T10:00:00',
    tier: 'street',
    rating: 'basically_satisfied',
  });
  tickets.a3 = await addTicket(db, a, {
    channel: 'visit',
    created: '2026-08-01T09:00:00',
    firstContactDue: '2026-08-02T09:00:00',
    firstContact: '2026-08-01T11:00:00',
    resolveDue: '2026-08-15T17:00:00',
    resolved: '2026-08-10T10:00:00',
    tier: 'community',
    rating: 'unsatisfied',
    handler: 'solved',
  });
  tickets.a4 = await addTicket(db, a, {
    channel: 'patrol',
    created: '2026-09-20T09:00:00',
    firstContactDue: '2026-09-21T09:00:00',
    firstContact: '2026-09-20T10:00:00',
    resolveDue: '2026-10-30T17:00:00',
    resolved: null,
    tier: 'community',
    rating: null,
  });
  tickets.aQ2 = await addTicket(db, a, {
    channel: 'placard',
    created: '2026-06-30T23:00:00',
    firstContactDue: '2026-07-01T23:00:00',
    firstContact: null,
    resolveDue: '2026-07-14T17:00:00',
    resolved: null,
    tier: 'community',
    rating: null,
  });
  tickets.aMerged = await addTicket(db, a, {
    channel: 'placard',
    created: '2026-07-01T11:00:00',
    firstContactDue: '2026-07-02T11:00:00',
    firstContact: null,
    resolveDue: '2026-07-15T17:00:00',
    resolved: null,
    tier: 'community',
    rating: null,
    mergedInto: tickets.a1,
  });
  await addCase(db, a, '2026-08-10', '2026-08-20');
  await addCase(db, a, '2026-09-05', '2026-09-01');
  await addCase(db, a, '2026-10-02', '2026-10-20');
  await addEvent(db, a, '2026-07-15', 40, bureau.id);
  await addEvent(db, a, '2026-08-15', 20, bureau.id);
  await addEvent(db, a, '2026-09-15', 30, bureau.id);
  await addEvent(db, a, '2026-10-01', 100, bureau.id);
  await addPlacard(db, a.building, '2026-06-01T09:00:00', { by: bureau.id, result: 'ok' });
  await createBuilding(db, { community: a.community });
  const liaison = a.liaisons[0];
  if (liaison) {
    await addVisits(db, a, liaison, tenMondays);
  }
  return tickets;
}

/** 乙: two tickets, no case, six small events, a damaged placard, no visit, no exemplary work. */
async function streetB(db: Db, b: PlacardScene, bureau: StaffTable) {
  const tickets: Record<string, string> = {};
  for (const [key, day] of [
    ['b1', '10'],
    ['b2', '11'],
  ] as const) {
    tickets[key] = await addTicket(db, b, {
      channel: 'placard',
      created: `2026-07-${day}T09:00:00`,
      firstContactDue: `2026-07-${day}T18:00:00`,
      firstContact: `2026-07-${day}T10:00:00`,
      resolveDue: '2026-07-30T17:00:00',
      resolved: '2026-07-20T10:00:00',
      tier: 'community',
      rating: 'satisfied',
    });
  }
  for (const day of ['07-01', '07-20', '08-01', '08-20', '09-01', '09-20']) {
    await addEvent(db, b, `2026-${day}`, 10, bureau.id);
  }
  await addPlacard(db, b.building, '2026-06-01T09:00:00', { by: bureau.id, result: 'damaged' });
  return tickets;
}

async function openApp(start: Date) {
  const handle = await openTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-assessment-'));
  const clock = { now: start };
  const settings = {
    dataKey: Buffer.alloc(32, 7),
    filesDir: path.join(dataDir, 'files'),
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    publicBaseUrl: null,
  };
  const ctx = createContext(settings, handle, () => clock.now);
  const app = await buildApp(ctx, { logLevel: 'silent' });
  const rawInject = prepareTestApp(app, ctx);
  const close = async () => {
    await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, ctx, handle, clock, rawInject, close };
}

/** A small JPEG as evidence. */
export function evidencePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } })
    .jpeg()
    .toBuffer();
}

/** Builds the fixture of three streets over 2026-Q3; the clock stands at 2026-10-15 12:00. */
export async function openAssessmentScene(): Promise<AssessmentScene> {
  const t = await openApp(new Date(at('2026-10-15T12:00:00')));
  const db = t.handle.db;
  const a = await createPlacardScene(db, {
    liaisons: 1,
    street: await createStreet(db, { name: '甲街道', sort: 1 }),
  });
  const b = await createPlacardScene(db, {
    liaisons: 1,
    street: await createStreet(db, { name: '乙街道', sort: 2, district_id: a.street.district_id }),
  });
  const c = await createPlacardScene(db, {
    liaisons: 0,
    street: await createStreet(db, { name: '丙街道', sort: 3, district_id: a.street.district_id }),
  });
  const bureau = await createStaff(db, { role: 'bureau_admin' });
  const auditor = await createStaff(db, { role: 'auditor' });
  const adminA = await createStaff(db, { role: 'street_admin', street_id: a.street.id });
  await addPlacard(db, c.building, '2026-08-01T09:00:00', null);
  const tickets = { ...(await streetA(db, a, bureau)), ...(await streetB(db, b, bureau)) };

  const sessions = new Map<string, string>();
  const as = async (username: string) => {
    const known = sessions.get(username);
    if (known) {
      return known;
    }
    const cookie = await loginAs(t.app, username, factoryPassword);
    sessions.set(username, cookie);
    return cookie;
  };
  await addExemplary(t.app, await as(bureau.username), a.street.id);
  return {
    t,
    streets: { a: a.street, b: b.street, c: c.street },
    tickets,
    users: {
      bureau: bureau.username,
      auditor: auditor.username,
      adminA: adminA.username,
      liaisonA: a.liaisons[0]?.username ?? '',
    },
    as,
    close: t.close,
  };
}

/** 甲's exemplary work through the API: one recognised with a photo, one still without. */
async function addExemplary(app: TestApp['app'], cookie: string, streetId: string) {
  const create = async (title: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/assessment/exemplary',
      headers: { cookie },
      payload: { streetId, title, recognisedOn: '2026-08-08', description: '经局审核认定' },
    });
    if (res.statusCode !== 201) {
      throw new Error(`exemplary ${String(res.statusCode)} ${res.body}`);
    }
    return json<{ id: string }>(res).id;
  };
  const withPhoto = await create('楼道堆物长效治理');
  await create('群租整治回头看');
  const photo = multipartPhoto(await evidencePhoto(), 'evidence.jpg');
  const res = await app.inject({
    method: 'POST',
    url: `/api/staff/assessment/exemplary/${withPhoto}/evidence`,
    headers: { cookie, ...photo.headers },
    payload: photo.payload,
  });
  if (res.statusCode !== 201) {
    throw new Error(`evidence ${String(res.statusCode)} ${res.body}`);
  }
}
