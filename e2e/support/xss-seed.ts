// Plants the XSS corpus (test/cases/xss.jsonl) in the free text residents and officers write,
// through the API as they would: ticket descriptions, contact notes, decline reasons and replies,
// referral requests, visit notes, meeting topics and outcomes, case facts and places, mediation
// facts, and suggestions. Returns what was made,
// so the test can open each object's page. A field that refuses a line (a name allows letters
// only) simply does not carry it; the counts say what was planted.
import type { LightMyRequestResponse } from 'fastify';
import { json, loginAs } from '../../test/app.js';
import { registration } from '../../test/case-scene.js';
import type { E2eServer } from './server.js';

/** The objects that carry the payloads, by the workbench or resident page that shows them. */
export interface PlantedXss {
  tickets: { id: string; accessToken: string; description: string }[];
  visits: string[];
  meetings: string[];
  /** Referrals to the housing department (fangguan), as that department opens them. */
  referrals: string[];
  cases: string[];
  mediations: string[];
  /** Staff ids of the suggestions, and the tokens residents follow them by. */
  suggestions: string[];
  suggestionTokens: string[];
  /** How many fields took a payload, by the field's name. */
  planted: Record<string, number>;
}

type Inject = (
  method: 'GET' | 'POST',
  url: string,
  cookie?: string,
  payload?: object,
) => Promise<LightMyRequestResponse>;

function injector(server: E2eServer): Inject {
  return (method, url, cookie, payload) =>
    server.app.inject({
      method,
      url,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      headers: cookie ? { cookie } : {},
    });
}

async function sampleRoom(server: E2eServer) {
  return server.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.username', 'staff.id as staffId', 'buildings.community_id as communityId'])
    .where('buildings.placard_token', '=', server.placard.token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
}

function count(planted: Record<string, number>, field: string, res: LightMyRequestResponse) {
  if (res.statusCode < 300) {
    planted[field] = (planted[field] ?? 0) + 1;
  }
  return res.statusCode < 300;
}

async function fileTicket(inject: Inject, server: E2eServer, description: string) {
  const res = await inject('POST', '/api/public/tickets', undefined, {
    placardToken: server.placard.token,
    kind: 'complaint',
    description,
  });
  return res.statusCode === 201 ? json<{ trackingCode: string; accessToken: string }>(res) : null;
}

async function ticketId(inject: Inject, cookie: string, trackingCode: string): Promise<string> {
  const list = await inject('GET', '/api/staff/tickets?status=all&pageSize=100', cookie);
  const items = json<{ items: { id: string; trackingCode: string }[] }>(list).items;
  return items.find((i) => i.trackingCode === trackingCode)?.id ?? '';
}

async function plantTickets(inject: Inject, server: E2eServer, lines: string[], p: PlantedXss) {
  const { username } = await sampleRoom(server);
  const liaison = await loginAs(server.app, username);
  for (const [i, line] of lines.entries()) {
    const receipt = await fileTicket(inject, server, line);
    if (!receipt) {
      continue;
    }
    p.planted.description = (p.planted.description ?? 0) + 1;
    const id = await ticketId(inject, liaison, receipt.trackingCode);
    p.tickets.push({ id, accessToken: receipt.accessToken, description: line });
    const base = `/api/staff/tickets/${id}/actions`;
    if (i % 3 === 2) {
      count(
        p.planted,
        'decline reason',
        await inject('POST', `${base}/decline`, liaison, {
          reason: line,
        }),
      );
      continue;
    }
    await inject('POST', `${base}/accept`, liaison, {});
    count(
      p.planted,
      'contact note',
      await inject('POST', `${base}/contact`, liaison, {
        method: 'phone',
        note: line,
      }),
    );
    if (i % 3 === 1) {
      count(
        p.planted,
        'reply',
        await inject('POST', `${base}/resolve`, liaison, {
          outcome: 'answered',
          reply: line,
        }),
      );
    }
  }
}

async function plantField(inject: Inject, server: E2eServer, lines: string[], p: PlantedXss) {
  const room = await sampleRoom(server);
  const liaison = await loginAs(server.app, room.username);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  for (const line of lines) {
    const visit = await inject('POST', '/api/staff/visits', liaison, {
      date: today,
      communityId: room.communityId,
      partners: ['residents_committee'],
      notes: line,
    });
    if (count(p.planted, 'visit notes', visit)) {
      p.visits.push(json<{ id: string }>(visit).id);
    }
    const meeting = await inject('POST', '/api/staff/meetings', liaison, {
      kind: 'joint',
      date: today,
      communityId: room.communityId,
      topic: line,
      participants: [line],
      staffIds: [room.staffId],
      outcomes: line,
    });
    if (count(p.planted, 'meeting topic and outcomes', meeting)) {
      p.meetings.push(json<{ id: string }>(meeting).id);
    }
    const registered = await inject(
      'POST',
      '/api/staff/cases',
      liaison,
      registration({ facts: line, place: line }),
    );
    if (count(p.planted, 'case facts and place', registered)) {
      p.cases.push(json<{ id: string }>(registered).id);
    }
  }
}

async function plantMediations(inject: Inject, server: E2eServer, lines: string[], p: PlantedXss) {
  const room = await sampleRoom(server);
  const liaison = await loginAs(server.app, room.username);
  const party = { kind: 'person', name: '李华', phone: '13912345678', address: '殷行路1号' };
  for (const line of lines.slice(0, 4)) {
    const receipt = await fileTicket(inject, server, '楼上装修噪声持续到深夜。');
    const id = receipt ? await ticketId(inject, liaison, receipt.trackingCode) : '';
    await inject('POST', `/api/staff/tickets/${id}/actions/accept`, liaison, {});
    const opened = await inject('POST', '/api/staff/mediations', liaison, {
      source: { kind: 'ticket', id },
      disputeType: 'renovation',
      facts: line,
      committeeName: '殷行街道开鲁一村居委会人民调解委员会',
      parties: [
        { ...party, role: 'applicant' },
        { ...party, role: 'respondent', name: '王强' },
      ],
      mediators: [{ name: '王秀英', orgKind: 'people_committee', orgName: '开鲁一村调委会' }],
    });
    if (count(p.planted, 'mediation facts', opened)) {
      p.mediations.push(json<{ id: string }>(opened).id);
    }
  }
}

async function plantSuggestions(inject: Inject, lines: string[], p: PlantedXss) {
  for (const line of lines) {
    const res = await inject('POST', '/api/public/suggestions', undefined, {
      topic: line.slice(0, 40),
      reason: line,
      proposal: line,
      publishConsent: true,
      ownMatter: false,
    });
    if (count(p.planted, 'suggestion texts', res)) {
      p.suggestionTokens.push(json<{ accessToken: string }>(res).accessToken);
    }
  }
}

async function plantReferrals(inject: Inject, server: E2eServer, p: PlantedXss) {
  const { username } = await sampleRoom(server);
  const liaison = await loginAs(server.app, username);
  for (const ticket of p.tickets.filter((_, i) => i % 3 !== 2)) {
    const sent = await inject('POST', `/api/staff/tickets/${ticket.id}/referrals`, liaison, {
      departments: ['fangguan'],
      kind: 'information',
      requestText: ticket.description,
    });
    count(p.planted, 'referral request', sent);
  }
  const department = await loginAs(server.app, 'fangguan.dept');
  const listed = await inject('GET', '/api/dept/referrals?status=all', department);
  p.referrals = json<{ items: { id: string }[] }>(listed).items.map((i) => i.id);
}

/** Plants every line in every free-text field listed above; what was made. */
export async function plantXss(server: E2eServer, lines: string[]): Promise<PlantedXss> {
  const inject = injector(server);
  const planted: PlantedXss = {
    tickets: [],
    visits: [],
    meetings: [],
    referrals: [],
    cases: [],
    mediations: [],
    suggestions: [],
    suggestionTokens: [],
    planted: {},
  };
  await plantTickets(inject, server, lines, planted);
  await plantField(inject, server, lines, planted);
  await plantMediations(inject, server, lines, planted);
  await plantSuggestions(inject, lines, planted);
  await plantReferrals(inject, server, planted);
  const admin = await loginAs(server.app, 'admin');
  const listed = json<{ items: { id: string }[] }>(
    await inject('GET', '/api/staff/suggestions?pageSize=100', admin),
  );
  planted.suggestions = listed.items.map((i) => i.id);
  return planted;
}
