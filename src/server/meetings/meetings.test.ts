import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, MeetingList, TicketFieldWork } from '../../contract/meetings.js';
import type { Receipt, StaffTicket, TicketList } from '../../contract/tickets.js';
import type { FieldPlaces, Visit } from '../../contract/visits.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
let liaison: string;
let places: FieldPlaces;
let communityId: string;
let buildingIds: string[];
let residentTicketId: string;

/** Shanghai wall-clock time as an instant. */
function local(text: string): Date {
  return new Date(`${text}+08:00`);
}

function get(url: string, cookie: string) {
  return t.app.inject({ url, headers: { cookie } });
}

function send(method: 'POST' | 'PATCH', url: string, cookie: string, payload: unknown) {
  return t.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie },
  });
}

function officer(name: string): string {
  return places.officers.find((o) => o.name === name)?.id ?? '';
}

async function count(table: 'meetings' | 'tickets') {
  const row = await t.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function meetingBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'council',
    date: '2026-01-08',
    communityId,
    topic: '楼道堆物集中整治',
    participants: ['居委会书记', '业委会主任', '物业项目经理'],
    staffIds: [officer('孙勇')],
    outcomes: '物业两周内清理楼道，城管跟进复查。',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await startTestApp(local('2026-01-09T15:00:00'));
  liaison = await loginAs(t.app, 'yinhang.1');
  places = json<FieldPlaces>(await get('/api/staff/field-places', liaison));
  communityId = places.communities[0]?.id ?? '';
  const list = await get(`/api/staff/field-places/${communityId}/buildings`, liaison);
  buildingIds = json<{ items: { id: string }[] }>(list).items.map((b) => b.id);
  // A resident's complaint at the sample placard of the same community, filed the day before the
  // meeting, which the meeting settles.
  t.clock.now = local('2026-01-07T10:00:00');
  const receipt = json<Receipt>(
    await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: t.demo.samplePlacard.token,
        kind: 'complaint',
        description: '楼道里堆满纸箱，影响通行。',
      },
    }),
  );
  t.clock.now = local('2026-01-09T15:00:00');
  const inbox = json<TicketList>(await get('/api/staff/tickets', liaison));
  residentTicketId = inbox.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
});

afterAll(async () => {
  await t.close();
});

describe('a council meeting that produced one ticket and settled another', () => {
  let meeting: Meeting;

  it('files the raised issue as a ticket of channel meeting, links the settled one', async () => {
    const res = await send(
      'POST',
      '/api/staff/meetings',
      liaison,
      meetingBody({
        staffIds: [officer('孙勇'), officer('曹鹏')],
        issues: [
          {
            kind: 'report',
            matterCode: 'WYBG',
            buildingId: buildingIds[1],
            description: '物业对违法搭建未劝阻、未报告。',
          },
        ],
        settledTicketIds: [residentTicketId],
      }),
    );
    expect(res.statusCode).toBe(201);
    meeting = json<Meeting>(res);
    expect([meeting.kind, meeting.date, meeting.community.name]).toEqual([
      'council',
      '2026-01-08',
      '殷行一村居委会',
    ]);
    expect(meeting.staff.map((s) => s.name)).toEqual(['孙勇', '曹鹏']);
    expect(meeting.participants).toEqual(['居委会书记', '业委会主任', '物业项目经理']);
    expect([meeting.producedCount, meeting.settledCount]).toEqual([1, 1]);
    expect(meeting.tickets.map((x) => [x.link, x.kind, x.status, x.building])).toEqual([
      ['produced', 'report', 'submitted', '殷行一村2号楼'],
      ['settled', 'complaint', 'submitted', '殷行一村1号楼'],
    ]);
  });

  it('leaves the settled ticket’s state and timeline as they were', async () => {
    const ticket = json<StaffTicket>(await get(`/api/staff/tickets/${residentTicketId}`, liaison));
    expect(ticket.status).toBe('submitted');
    expect(ticket.timeline.map((e) => e.type)).toEqual(['submitted']);
  });

  it('links both ways: each ticket names the meeting that produced or settled it', async () => {
    const produced = meeting.tickets[0]?.id ?? '';
    const ticket = json<StaffTicket>(await get(`/api/staff/tickets/${produced}`, liaison));
    expect(ticket.channel).toBe('meeting');
    const fromProduced = json<TicketFieldWork>(
      await get(`/api/staff/tickets/${produced}/field-work`, liaison),
    );
    expect(fromProduced).toEqual({
      visits: [],
      meetings: [
        {
          id: meeting.id,
          kind: 'council',
          date: '2026-01-08',
          topic: '楼道堆物集中整治',
          link: 'produced',
          canOpen: true,
        },
      ],
    });
    const fromSettled = json<TicketFieldWork>(
      await get(`/api/staff/tickets/${residentTicketId}/field-work`, liaison),
    );
    expect(fromSettled.meetings.map((m) => [m.id, m.link])).toEqual([[meeting.id, 'settled']]);
  });

  it('shows the meeting to the liaisons of the community and the street admin only', async () => {
    const colleague = await loginAs(t.app, 'yinhang.2');
    expect((await get(`/api/staff/meetings/${meeting.id}`, colleague)).statusCode).toBe(200);
    const elsewhere = await loginAs(t.app, 'yinhang.3');
    expect((await get(`/api/staff/meetings/${meeting.id}`, elsewhere)).statusCode).toBe(404);
    expect(json<MeetingList>(await get('/api/staff/meetings', elsewhere)).total).toBe(0);
    const admin = await loginAs(t.app, 'yinhang.admin');
    expect(json<MeetingList>(await get('/api/staff/meetings?kind=council', admin)).total).toBe(1);
    const otherStreet = await loginAs(t.app, 'dinghai.admin');
    expect((await get(`/api/staff/meetings/${meeting.id}`, otherStreet)).statusCode).toBe(404);
    for (const username of ['fangguan.dept', 'auditor']) {
      const cookie = await loginAs(t.app, username);
      expect((await get('/api/staff/meetings', cookie)).statusCode).toBe(403);
      expect((await send('POST', '/api/staff/meetings', cookie, meetingBody())).statusCode).toBe(
        403,
      );
      const fieldWork = await get(`/api/staff/tickets/${residentTicketId}/field-work`, cookie);
      expect(fieldWork.statusCode).toBe(403);
    }
  });

  it('lets the author replace the settled tickets, audited, the tickets untouched', async () => {
    const res = await send('PATCH', `/api/staff/meetings/${meeting.id}`, liaison, {
      settledTicketIds: [],
      outcomes: '物业已承诺一周内清理。',
    });
    expect(res.statusCode).toBe(200);
    const edited = json<Meeting>(res);
    expect(edited.tickets.map((x) => x.link)).toEqual(['produced']);
    expect(edited.editCount).toBe(1);
    const entry = await t.handle.db
      .selectFrom('audit_entries')
      .select('detail')
      .where('action', '=', 'meeting.edit')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail)).toEqual({
      fields: ['outcomes', 'settledTicketIds'],
      settled: [],
    });
    const fieldWork = json<TicketFieldWork>(
      await get(`/api/staff/tickets/${residentTicketId}/field-work`, liaison),
    );
    expect(fieldWork.meetings).toEqual([]);
  });
});

describe('a meeting with a bad item', () => {
  it('refuses a phone number among the participants, naming it', async () => {
    const res = await send(
      'POST',
      '/api/staff/meetings',
      liaison,
      meetingBody({ participants: ['居委会书记', '物业王经理 13912345678'] }),
    );
    expect(res.statusCode).toBe(400);
    expect(json(res).details).toEqual([
      {
        field: 'participants.1',
        message: '请填写单位或职务，不要填写手机号',
        messageEn: 'name a role or organisation, not a mobile number',
      },
    ]);
  });

  it('refuses officers of another street, a liaison not attending, a foreign ticket', async () => {
    const dinghai = await t.handle.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', 'dinghai.1')
      .executeTakeFirstOrThrow();
    const stranger = await send(
      'POST',
      '/api/staff/meetings',
      liaison,
      meetingBody({
        staffIds: [officer('孙勇'), dinghai.id],
      }),
    );
    expect(json(stranger).details).toEqual([expect.objectContaining({ field: 'staffIds.1' })]);
    const absent = await send(
      'POST',
      '/api/staff/meetings',
      liaison,
      meetingBody({
        staffIds: [officer('高海燕')],
      }),
    );
    expect(json(absent).details).toEqual([expect.objectContaining({ field: 'staffIds' })]);
    const foreign = await send(
      'POST',
      '/api/staff/meetings',
      liaison,
      meetingBody({
        settledTicketIds: ['no-such-ticket'],
      }),
    );
    expect(json(foreign).details).toEqual([
      expect.objectContaining({ field: 'settledTicketIds.0' }),
    ]);
    // A ticket filed on 9 January cannot have been settled by a meeting on the 8th.
    const receipt = json<Receipt>(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: {
          placardToken: t.demo.samplePlacard.token,
          kind: 'complaint',
          description: '楼道灯不亮。',
        },
      }),
    );
    const inbox = json<TicketList>(await get('/api/staff/tickets', liaison));
    const later = inbox.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
    const before = await count('meetings');
    const afterwards = await send(
      'POST',
      '/api/staff/meetings',
      liaison,
      meetingBody({ settledTicketIds: [later] }),
    );
    expect(afterwards.statusCode).toBe(400);
    expect(json(afterwards).details).toEqual([
      expect.objectContaining({
        field: 'settledTicketIds.0',
        message: '该诉求在会议之后才提交，不能由本次会议化解',
      }),
    ]);
    expect(await count('meetings')).toBe(before);
  });

  it('writes nothing when the second issue raised is wrong', async () => {
    const [meetings, tickets] = [await count('meetings'), await count('tickets')];
    const res = await send(
      'POST',
      '/api/staff/meetings',
      liaison,
      meetingBody({
        issues: [
          { kind: 'report', matterCode: 'QZ', buildingId: buildingIds[0], description: '群租' },
          { kind: 'report', matterCode: 'QZ', buildingId: 'nowhere', description: '群租' },
        ],
      }),
    );
    expect(json(res).details).toEqual([expect.objectContaining({ field: 'issues.1.buildingId' })]);
    expect([await count('meetings'), await count('tickets')]).toEqual([meetings, tickets]);
  });
});

describe('a visit’s ticket', () => {
  it('names the visit that found it', async () => {
    const res = await send('POST', '/api/staff/visits', liaison, {
      date: '2026-01-09',
      communityId,
      partners: ['residents'],
      issues: [
        { kind: 'report', matterCode: 'ZXZS', buildingId: buildingIds[3], description: '夜间装修' },
      ],
    });
    const visit = json<Visit>(res);
    const ticketId = visit.tickets[0]?.id ?? '';
    const fieldWork = json<TicketFieldWork>(
      await get(`/api/staff/tickets/${ticketId}/field-work`, liaison),
    );
    expect(fieldWork.visits).toEqual([
      {
        id: visit.id,
        date: '2026-01-09',
        community: '殷行一村居委会',
        liaison: visit.liaison,
        canOpen: true,
      },
    ]);
    // A colleague of the room sees the ticket and that a visit found it, but not the visit.
    const colleague = await loginAs(t.app, 'yinhang.2');
    const seen = json<TicketFieldWork>(
      await get(`/api/staff/tickets/${ticketId}/field-work`, colleague),
    );
    expect(seen.visits.map((v) => v.canOpen)).toEqual([false]);
  });
});
