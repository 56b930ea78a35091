import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mediation, MediationList } from '../../contract/mediation-views.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import {
  acceptedTicket,
  openingBody,
  openStandard,
  post,
  sampleLiaison,
  sessionBody,
} from '../../../test/mediation-scene.js';

let t: TestApp;
let liaison: { username: string; id: string };
let mediation: Mediation;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-09T10:00:00+08:00'));
  liaison = await sampleLiaison(t);
  ({ mediation } = await openStandard(t, liaison.username, liaison.id));
});

afterAll(async () => {
  await t.close();
});

async function status(
  username: string,
  url: string,
  method: 'GET' | 'POST' = 'GET',
  payload: object = {},
) {
  const cookie = await loginAs(t.app, username);
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(method === 'POST' ? { payload: payload as Record<string, unknown> } : {}),
  });
  return res.statusCode;
}

async function countRows() {
  const [m, p, a] = await Promise.all([
    t.handle.db
      .selectFrom('mediations')
      .select((eb) => eb.fn.countAll().as('n'))
      .execute(),
    t.handle.db
      .selectFrom('mediation_parties')
      .select((eb) => eb.fn.countAll().as('n'))
      .execute(),
    t.handle.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .execute(),
  ]);
  return [Number(m[0]?.n), Number(p[0]?.n), Number(a[0]?.n)];
}

describe('who may see mediations', () => {
  it('refuses department and auditor accounts every mediation route with 403', async () => {
    // Valid bodies, so that the refusal is the account's and not the input's.
    const opening = openingBody(mediation.source.id, liaison.id);
    const urls: [string, 'GET' | 'POST', object][] = [
      ['/api/staff/mediations', 'GET', {}],
      ['/api/staff/mediations', 'POST', opening],
      [`/api/staff/mediations/${mediation.id}`, 'GET', {}],
      [`/api/staff/mediations/${mediation.id}/agreement.pdf`, 'GET', {}],
      [`/api/staff/mediations/${mediation.id}/steps/add_session`, 'POST', sessionBody(t)],
    ];
    for (const username of ['fangguan.dept', 'auditor']) {
      for (const [url, method, body] of urls) {
        const answer = await status(username, url, method, body);
        expect(answer, `${username} ${method} ${url}`).toBe(403);
      }
    }
  });

  it('shows it to the street admin and the bureau admin, not to another street', async () => {
    const url = `/api/staff/mediations/${mediation.id}`;
    expect(await status('yinhang.admin', url)).toBe(200);
    expect(await status('admin', url)).toBe(200);
    expect(await status('dinghai.admin', url)).toBe(404);
    const other = await loginAs(t.app, 'dinghai.admin');
    const list = json<MediationList>(
      await t.app.inject({ url: '/api/staff/mediations?status=all', headers: { cookie: other } }),
    );
    expect(list.total).toBe(0);
  });

  it('hides it from a liaison of another street', async () => {
    expect(await status('dinghai.1', `/api/staff/mediations/${mediation.id}`)).toBe(404);
  });
});

describe('opening with bad input', () => {
  it('names parties.1.phone for a bad phone number and writes nothing', async () => {
    const cookie = await loginAs(t.app, liaison.username);
    const ticketId = await acceptedTicket(t, cookie);
    const before = await countRows();
    const body = openingBody(ticketId, liaison.id);
    const res = await post(t, '/api/staff/mediations', cookie, {
      ...body,
      parties: [body.parties[0], { ...body.parties[1], phone: '1380013' }],
    });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({
      error: 'validation_failed',
      details: [
        {
          field: 'parties.1.phone',
          message: '请输入 11 位手机号码',
          messageEn: 'enter an 11-digit mainland mobile number',
        },
      ],
    });
    expect(await countRows()).toEqual(before);
  });

  it('accepts a phone typed with spaces and +86, and stores it normalised', async () => {
    const cookie = await loginAs(t.app, liaison.username);
    const ticketId = await acceptedTicket(t, cookie);
    const body = openingBody(ticketId, liaison.id);
    const res = await post(t, '/api/staff/mediations', cookie, {
      ...body,
      parties: [{ ...body.parties[0], phone: '+86 138 0013 8000' }, body.parties[1]],
    });
    expect(res.statusCode).toBe(201);
    expect(json<Mediation>(res).parties[0]?.phoneMasked).toBe('138****8000');
  });

  it('refuses an ID number with a wrong check character, naming it', async () => {
    const cookie = await loginAs(t.app, liaison.username);
    const ticketId = await acceptedTicket(t, cookie);
    const body = openingBody(ticketId, liaison.id);
    const res = await post(t, '/api/staff/mediations', cookie, {
      ...body,
      parties: [{ ...body.parties[0], idNumber: '110105194912310021' }, body.parties[1]],
    });
    expect(json(res).details).toEqual([expect.objectContaining({ field: 'parties.0.idNumber' })]);
  });

  it('refuses parties that do not stand on two sides', async () => {
    const cookie = await loginAs(t.app, liaison.username);
    const ticketId = await acceptedTicket(t, cookie);
    const body = openingBody(ticketId, liaison.id);
    const before = await countRows();
    const res = await post(t, '/api/staff/mediations', cookie, {
      ...body,
      parties: body.parties.map((p) => ({ ...p, role: 'applicant' })),
    });
    expect(json(res).details).toEqual([expect.objectContaining({ field: 'parties' })]);
    expect(await countRows()).toEqual(before);
  });

  it('refuses a 城管 mediator without an officer account of the street', async () => {
    const cookie = await loginAs(t.app, liaison.username);
    const ticketId = await acceptedTicket(t, cookie);
    const body = openingBody(ticketId, liaison.id);
    const other = await t.handle.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', 'dinghai.1')
      .executeTakeFirstOrThrow();
    const res = await post(t, '/api/staff/mediations', cookie, {
      ...body,
      mediators: [body.mediators[0], { ...body.mediators[1], staffId: other.id }],
    });
    expect(json(res).details).toEqual([expect.objectContaining({ field: 'mediators.1.staffId' })]);
  });

  it('refuses an unknown visit, naming source.id', async () => {
    const cookie = await loginAs(t.app, liaison.username);
    const body = openingBody('x', liaison.id);
    const res = await post(t, '/api/staff/mediations', cookie, {
      ...body,
      source: { kind: 'visit', id: 'NOSUCHVISIT' },
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).details).toEqual([expect.objectContaining({ field: 'source.id' })]);
  });

  it('lets only those who work the ticket open a mediation from it', async () => {
    const cookie = await loginAs(t.app, liaison.username);
    const ticketId = await acceptedTicket(t, cookie);
    const colleague = await t.handle.db
      .selectFrom('room_liaisons as mine')
      .innerJoin('room_liaisons as theirs', 'theirs.room_id', 'mine.room_id')
      .innerJoin('staff', 'staff.id', 'theirs.staff_id')
      .select('staff.username')
      .where('mine.staff_id', '=', liaison.id)
      .where('theirs.staff_id', '!=', liaison.id)
      .executeTakeFirstOrThrow();
    const body = openingBody(ticketId, liaison.id);
    // The room's other liaison sees the ticket the first one took, but does not work it.
    const theirs = await loginAs(t.app, colleague.username);
    expect((await post(t, '/api/staff/mediations', theirs, body)).statusCode).toBe(403);
    const stranger = await loginAs(t.app, 'dinghai.1');
    expect((await post(t, '/api/staff/mediations', stranger, body)).statusCode).toBe(404);
  });
});

describe('a mediation opened from a visit', () => {
  it('takes the visit’s community and street, and adds nothing to any ticket', async () => {
    const cookie = await loginAs(t.app, liaison.username);
    const place = await t.handle.db
      .selectFrom('buildings')
      .innerJoin('communities', 'communities.id', 'buildings.community_id')
      .select(['communities.id', 'communities.name'])
      .where('buildings.placard_token', '=', t.demo.samplePlacard.token)
      .executeTakeFirstOrThrow();
    const visit = await post(t, '/api/staff/visits', cookie, {
      date: '2025-10-09',
      communityId: place.id,
      partners: ['residents_committee'],
    });
    expect(visit.statusCode).toBe(201);
    const visitId = json<{ id: string }>(visit).id;
    const res = await post(t, '/api/staff/mediations', cookie, {
      ...openingBody('x', liaison.id),
      source: { kind: 'visit', id: visitId },
    });
    expect(res.statusCode).toBe(201);
    const m = json<Mediation>(res);
    expect(m.source).toEqual({ kind: 'visit', id: visitId, trackingCode: null });
    expect(m.place).toEqual({ street: '殷行街道', community: place.name });
    // Another street's liaison cannot open one from this visit.
    const stranger = await loginAs(t.app, 'dinghai.1');
    const refused = await post(t, '/api/staff/mediations', stranger, {
      ...openingBody('x', liaison.id),
      source: { kind: 'visit', id: visitId },
    });
    expect(json(refused).details).toEqual([expect.objectContaining({ field: 'source.id' })]);
  });
});
