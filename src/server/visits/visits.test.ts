import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldPlaces, Visit, VisitList } from '../../contract/visits.js';
import type { StaffTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from '../../../test/app.js';

const uploads = path.resolve(import.meta.dirname, '../../../test/cases/uploads');

let t: TestApp;
let liaison: string;
let community: { id: string; name: string };
let buildings: { id: string; name: string }[];
let roomId: string;

/** Shanghai wall-clock time as an instant. */
function local(text: string): Date {
  return new Date(`${text}+08:00`);
}

function get(url: string, cookie: string) {
  return t.app.inject({ url, headers: { cookie } });
}

function send(
  method: 'POST' | 'PATCH',
  url: string,
  cookie: string,
  payload: unknown,
  key?: string,
) {
  return t.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
  });
}

async function upload(cookie: string): Promise<string> {
  const bytes = readFileSync(path.join(uploads, 'photo-exif-gps.jpg'));
  const { payload, headers } = multipartPhoto(bytes, 'IMG_0001.jpg');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/photos',
    payload,
    headers: { ...headers, cookie },
  });
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res).id;
}

async function count(table: 'visits' | 'tickets' | 'audit_entries' | 'visit_tickets') {
  const row = await t.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function visitBody(overrides: Record<string, unknown> = {}) {
  return {
    date: '2026-01-04',
    communityId: community.id,
    partners: ['residents_committee', 'property_manager'],
    notes: '与居委、物业座谈楼道堆物整治。',
    ...overrides,
  };
}

beforeAll(async () => {
  // Monday 5 January 2026, 10:00 in Shanghai: the first day of ISO week 2026-W02.
  t = await startTestApp(local('2026-01-05T10:00:00'));
  liaison = await loginAs(t.app, 'yinhang.1');
  const places = json<FieldPlaces>(await get('/api/staff/field-places', liaison));
  community = places.communities[0] ?? { id: '', name: '' };
  const list = await get(`/api/staff/field-places/${community.id}/buildings`, liaison);
  buildings = json<{ items: { id: string; name: string }[] }>(list).items;
  const room = await t.handle.db
    .selectFrom('rooms')
    .select('id')
    .where('community_id', '=', community.id)
    .executeTakeFirstOrThrow();
  roomId = room.id;
});

afterAll(async () => {
  await t.close();
});

describe('the places a liaison logs visits in', () => {
  it('are the communities of their rooms, with that community’s buildings', async () => {
    const places = json<FieldPlaces>(await get('/api/staff/field-places', liaison));
    expect(places.communities).toEqual([
      { id: community.id, name: '殷行一村居委会', street: '殷行街道' },
    ]);
    expect(places.liaisons.map((l) => l.name)).toEqual(['孙勇']);
    expect(buildings.map((b) => b.name)).toEqual([
      '殷行一村1号楼',
      '殷行一村2号楼',
      '殷行一村3号楼',
      '殷行一村4号楼',
    ]);
  });
});

describe('a visit with two issues found', () => {
  let visit: Visit;

  it('files exactly two tickets with channel visit in the room of the community', async () => {
    const photo = await upload(liaison);
    const ticketsBefore = await count('tickets');
    const res = await send('POST', '/api/staff/visits', liaison, {
      ...visitBody({ photoIds: [photo] }),
      issues: [
        {
          kind: 'complaint',
          matterCode: 'WFDJ',
          buildingId: buildings[0]?.id,
          description: '3楼阳台外搭建彩钢板房。',
        },
        {
          kind: 'consultation',
          matterCode: 'QZ',
          buildingId: buildings[2]?.id,
          description: '居民询问群租如何举报。',
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    visit = json<Visit>(res);
    expect(visit.date).toBe('2026-01-04');
    expect(visit.week).toBe('2026-W01');
    expect(visit.liaison.name).toBe('孙勇');
    expect(visit.community.name).toBe('殷行一村居委会');
    expect(visit.partners).toEqual(['residents_committee', 'property_manager']);
    expect(visit.photoCount).toBe(1);
    expect(visit.issueCount).toBe(2);
    expect(visit.tickets.map((x) => [x.kind, x.status, x.building, x.matter?.code])).toEqual([
      ['complaint', 'submitted', '殷行一村1号楼', 'WFDJ'],
      ['consultation', 'submitted', '殷行一村3号楼', 'QZ'],
    ]);
    expect(await count('tickets')).toBe(ticketsBefore + 2);
  });

  it('routes them at the community tier, deadlines counted from the visit’s filing', async () => {
    const rows = await t.handle.db
      .selectFrom('tickets')
      .select(['id', 'channel', 'room_id', 'building_id', 'tier', 'status'])
      .select(['first_contact_due_at', 'resolve_due_at'])
      .where('channel', '=', 'visit')
      .orderBy('kind')
      .execute();
    expect(rows.map((r) => ({ ...r, id: undefined }))).toEqual([
      {
        id: undefined,
        channel: 'visit',
        room_id: roomId,
        building_id: buildings[0]?.id,
        tier: 'community',
        status: 'submitted',
        // 5 working days from Monday 5 January 2026: 6, 7, 8, 9 and 12 January.
        first_contact_due_at: '2026-01-06T15:59:59.999Z',
        resolve_due_at: '2026-01-12T15:59:59.999Z',
      },
      {
        id: undefined,
        channel: 'visit',
        room_id: roomId,
        building_id: buildings[2]?.id,
        tier: 'community',
        status: 'submitted',
        first_contact_due_at: '2026-01-06T15:59:59.999Z',
        resolve_due_at: '2026-01-06T15:59:59.999Z',
      },
    ]);
  });

  it('shows them in the liaison’s inbox, found on a visit by the liaison', async () => {
    const inbox = json<TicketList>(await get('/api/staff/tickets?channel=visit', liaison));
    expect(inbox.total).toBe(2);
    const first = visit.tickets[0]?.id ?? '';
    const ticket = json<StaffTicket>(await get(`/api/staff/tickets/${first}`, liaison));
    expect(ticket.channel).toBe('visit');
    expect(ticket.timeline.map((e) => [e.type, e.actor.kind, e.actor.name])).toEqual([
      ['submitted', 'staff', '孙勇'],
    ]);
    const event = await t.handle.db
      .selectFrom('ticket_events')
      .select('data')
      .where('ticket_id', '=', first)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toEqual({
      kind: 'complaint',
      photos: 0,
      channel: 'visit',
      visitId: visit.id,
    });
  });

  it('audits the visit and each ticket in the same transaction, without the notes', async () => {
    const entries = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'record_type', 'record_id', 'detail'])
      .where('action', 'in', ['visit.create', 'ticket.submit'])
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'ticket.submit',
      'ticket.submit',
      'visit.create',
    ]);
    const created = entries[2];
    expect(created?.record_id).toBe(visit.id);
    expect(JSON.parse(created?.detail ?? '{}')).toMatchObject({
      date: '2026-01-04',
      photos: 1,
      tickets: visit.tickets.map((x) => x.id),
    });
    expect(created?.detail).not.toContain('楼道堆物');
  });

  it('lists the visit for the liaison and the street admin, not for a colleague', async () => {
    const own = json<VisitList>(await get('/api/staff/visits?week=2026-W01', liaison));
    expect(own.items.map((v) => v.id)).toEqual([visit.id]);
    const colleague = await loginAs(t.app, 'yinhang.2');
    expect((await get(`/api/staff/visits/${visit.id}`, colleague)).statusCode).toBe(404);
    expect(json<VisitList>(await get('/api/staff/visits', colleague)).total).toBe(0);
    const admin = await loginAs(t.app, 'yinhang.admin');
    expect((await get(`/api/staff/visits/${visit.id}`, admin)).statusCode).toBe(200);
    const otherStreet = await loginAs(t.app, 'dinghai.admin');
    expect((await get(`/api/staff/visits/${visit.id}`, otherStreet)).statusCode).toBe(404);
    const bureau = await loginAs(t.app, 'admin');
    expect((await get(`/api/staff/visits/${visit.id}`, bureau)).statusCode).toBe(200);
  });

  it('serves the visit’s photo to those who may see the visit', async () => {
    const detail = json<Visit>(await get(`/api/staff/visits/${visit.id}`, liaison));
    const photoId = detail.photos[0]?.id ?? '';
    const res = await get(`/api/staff/visits/${visit.id}/photos/${photoId}`, liaison);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const colleague = await loginAs(t.app, 'yinhang.2');
    const refused = await get(`/api/staff/visits/${visit.id}/photos/${photoId}`, colleague);
    expect(refused.statusCode).toBe(404);
  });
});

describe('a visit with a bad item', () => {
  it('is refused whole when the second issue names a building of another community', async () => {
    const [visits, tickets] = [await count('visits'), await count('tickets')];
    const other = await t.handle.db
      .selectFrom('buildings')
      .select('id')
      .where('name', '=', '殷行二村1号楼')
      .executeTakeFirstOrThrow();
    const res = await send('POST', '/api/staff/visits', liaison, {
      ...visitBody(),
      issues: [
        { kind: 'report', matterCode: 'WFDJ', buildingId: buildings[0]?.id, description: '搭建' },
        { kind: 'report', matterCode: 'WFDJ', buildingId: other.id, description: '搭建' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).details).toEqual([expect.objectContaining({ field: 'issues.1.buildingId' })]);
    expect([await count('visits'), await count('tickets')]).toEqual([visits, tickets]);
  });

  it('rolls back the first ticket when the second issue’s photo is already used', async () => {
    const [visits, tickets, audits] = [
      await count('visits'),
      await count('tickets'),
      await count('audit_entries'),
    ];
    const photo = await upload(liaison);
    const issue = (buildingId: string | undefined) => ({
      kind: 'report',
      matterCode: 'CZJG',
      buildingId,
      description: '疑似拆改承重墙。',
      photoIds: [photo],
    });
    const res = await send('POST', '/api/staff/visits', liaison, {
      ...visitBody(),
      issues: [issue(buildings[0]?.id), issue(buildings[1]?.id)],
    });
    expect(res.statusCode).toBe(404);
    expect(json(res).error).toBe('photo_not_found');
    expect(json(res).details).toEqual([expect.objectContaining({ field: 'issues.1.photoIds.0' })]);
    expect([await count('visits'), await count('tickets'), await count('audit_entries')]).toEqual([
      visits,
      tickets,
      audits,
    ]);
    const file = await t.handle.db
      .selectFrom('files')
      .select('attached_at')
      .where('id', '=', photo)
      .executeTakeFirstOrThrow();
    expect(file.attached_at).toBeNull();
  });

  it('names the field of an unknown matter, a repeated partner, a foreign community', async () => {
    const unknownMatter = await send('POST', '/api/staff/visits', liaison, {
      ...visitBody(),
      issues: [
        { kind: 'report', matterCode: 'NOPE', buildingId: buildings[0]?.id, description: 'x' },
      ],
    });
    expect(unknownMatter.statusCode).toBe(422);
    expect(json(unknownMatter).details).toEqual([
      expect.objectContaining({ field: 'issues.0.matterCode' }),
    ]);
    const repeated = await send('POST', '/api/staff/visits', liaison, {
      ...visitBody({ partners: ['residents', 'residents'] }),
    });
    expect(json(repeated).details).toEqual([expect.objectContaining({ field: 'partners.1' })]);
    const none = await send('POST', '/api/staff/visits', liaison, visitBody({ partners: [] }));
    expect(json(none).details).toEqual([expect.objectContaining({ field: 'partners' })]);
    const foreign = await t.handle.db
      .selectFrom('communities')
      .select('id')
      .where('name', '=', '殷行二村居委会')
      .executeTakeFirstOrThrow();
    const notMine = await send(
      'POST',
      '/api/staff/visits',
      liaison,
      visitBody({ communityId: foreign.id }),
    );
    expect(json(notMine).details).toEqual([expect.objectContaining({ field: 'communityId' })]);
  });
});
