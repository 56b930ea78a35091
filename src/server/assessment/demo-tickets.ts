// The demo's tickets for the assessment (src/server/assessment/demo.ts): filed and handled through
// the ticket services with the clock set to each step's time, so every ticket has its real
// deadlines and timeline. A step whose time has not come yet is not taken.
import type { Rating } from '../../contract/tickets.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { getBuildingContext } from '../org/service.js';
import { accessTokenOf, fileTicket } from '../tickets/intake.js';
import { rateTicket, ticketIdOfToken } from '../tickets/resident-steps.js';
import { takeAction } from '../tickets/service.js';
import { submitTicket } from '../tickets/submission.js';

/** A demo street's people and a building to file at. */
export interface DemoStreetPeople {
  index: number;
  streetId: string;
  placardToken: string;
  liaison: StaffActor;
  admin: StaffActor;
}

/** The steps of one demo ticket, each at an instant (ms); absent steps are not taken. */
export interface TicketWalk {
  channel: 'placard' | 'patrol';
  description: string;
  filed: number;
  accept?: number;
  /** The liaison sends it up to the street, whose admin then handles it. */
  escalate?: number;
  contact?: number;
  resolve?: number;
  rate?: { at: number; rating: Rating };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A context whose clock stands at `ms`. */
export function ctxAt(ctx: AppContext, ms: number): AppContext {
  const instant = new Date(ms);
  return { ...ctx, now: () => instant };
}

async function file(ctx: AppContext, s: DemoStreetPeople, walk: TicketWalk) {
  const at = ctxAt(ctx, walk.filed);
  if (walk.channel === 'placard') {
    const { receipt } = await submitTicket(
      at,
      {
        placardToken: s.placardToken,
        kind: 'complaint',
        description: walk.description,
        photoIds: [],
      },
      null,
    );
    return { id: await ticketIdOfToken(ctx, receipt.accessToken), token: receipt.accessToken };
  }
  const place = await getBuildingContext(ctx.db, s.placardToken);
  const row = await fileTicket(at, {
    kind: 'report',
    matterCode: null,
    description: walk.description,
    photoIds: [],
    channel: 'patrol',
    place,
    idempotencyKey: null,
    requestHash: `demo-patrol-${String(walk.filed)}-${s.streetId}`,
    phone: null,
    submitter: { kind: 'staff', staffId: s.liaison.id },
  });
  return { id: row.id, token: accessTokenOf(ctx, row.id) };
}

/** Files one ticket and takes its steps up to `now`; returns the ticket's id. */
export async function walkTicket(
  ctx: AppContext,
  s: DemoStreetPeople,
  walk: TicketWalk,
  now: number,
): Promise<string> {
  const filed = await file(ctx, s, walk);
  const id = filed.id;
  let handler = s.liaison;
  const step = async (time: number | undefined, take: (c: AppContext) => Promise<unknown>) => {
    if (time === undefined || time >= now) {
      return false;
    }
    await take(ctxAt(ctx, time));
    return true;
  };
  if (!(await step(walk.accept, (c) => takeAction(c, handler, id, { action: 'accept' })))) {
    return id;
  }
  if (walk.escalate !== undefined) {
    const reason = '涉及多个小区，需街道协调';
    const up = (c: AppContext) => takeAction(c, handler, id, { action: 'escalate', reason });
    if (!(await step(walk.escalate, up))) {
      return id;
    }
    handler = s.admin;
    // The street takes it up between the escalation and its first contact.
    const taken =
      walk.contact === undefined ? walk.escalate + HOUR : (walk.escalate + walk.contact) / 2;
    const again = (c: AppContext) => takeAction(c, handler, id, { action: 'accept' });
    if (!(await step(taken, again))) {
      return id;
    }
  }
  const contact = (c: AppContext) =>
    takeAction(c, handler, id, { action: 'contact', method: 'phone', note: '已电话联系' });
  if (!(await step(walk.contact, contact))) {
    return id;
  }
  const resolve = (c: AppContext) =>
    takeAction(c, handler, id, {
      action: 'resolve',
      outcome: walk.channel === 'patrol' ? 'corrected' : 'answered',
      reply: '已到现场处理并向您说明情况，感谢反映。',
      assessment: 'solved',
    });
  if (!(await step(walk.resolve, resolve)) || !walk.rate || walk.channel !== 'placard') {
    return id;
  }
  const rating = walk.rate.rating;
  await step(walk.rate.at, (c) => rateTicket(c, filed.token, { rating }));
  return id;
}

/**
 * The demo tickets of one street: five to six in the current month (from `monthStart` to `now`,
 * placed by fractions of that span so the month has handled tickets at any hour), and three a
 * month in the two months before, among them late contacts, a late resolution and one overdue
 * now. `index` varies ratings, lateness and escalation between streets.
 */
export function ticketWalks(index: number, monthStart: number, now: number): TicketWalk[] {
  const f = (x: number) => monthStart + (now - monthStart) * x;
  const ratings: Rating[] = ['basically_satisfied', 'satisfied', 'unsatisfied'];
  const current: TicketWalk[] = [
    walk('placard', '楼下商铺占道堆物，行人难以通行', f(0.05), [0.06, 0.07, 0.2].map(f), {
      at: f(0.25),
      rating: 'satisfied',
    }),
    walk('placard', '小区内有人飞线充电', f(0.15), [0.16, 0.17, 0.3].map(f), {
      at: f(0.35),
      rating: ratings[index % 3] ?? 'satisfied',
    }),
    walk('patrol', '巡查发现沿街店铺跨门营业', f(0.4), [0.41, 0.42, 0.6].map(f)),
    walk('placard', '夜间施工噪声扰民', f(0.5), [0.52, 0.55].map(f)),
    walk('placard', '绿化带内私搭棚架', f(0.7), [0.72].map(f)),
    walk('placard', '单元门口共享单车乱停放', f(0.9), []),
  ];
  if (index % 2 === 0) {
    const up = walk('placard', '多个小区门前流动摊贩聚集', f(0.1), [f(0.11)], undefined);
    current.push({
      ...up,
      escalate: f(0.12),
      contact: f(0.14),
      resolve: f(0.4),
      rate: { at: f(0.45), rating: 'satisfied' },
    });
  }
  return [...current, ...earlierWalks(index, monthStart)];
}

function earlierWalks(index: number, monthStart: number): TicketWalk[] {
  const walks: TicketWalk[] = [];
  for (const back of [2, 1]) {
    const start = monthStart - back * 30 * DAY;
    const a = start + (5 + (index % 5)) * DAY;
    const lateContact = index % 4 === 0 ? 3 * DAY : 3 * HOUR;
    walks.push(
      walk('placard', '楼道内堆放杂物', a, [a + HOUR, a + lateContact, a + 5 * DAY], {
        at: a + 6 * DAY,
        rating: back === 1 && index % 3 === 1 ? 'unsatisfied' : 'satisfied',
      }),
    );
    const b = start + 12 * DAY;
    const resolveAfter = index % 3 === 0 ? 25 * DAY : 4 * DAY;
    walks.push(
      walk('placard', '违规装修敲墙', b, [b + 2 * HOUR, b + 4 * HOUR, b + resolveAfter], {
        at: b + resolveAfter + DAY,
        rating: 'basically_satisfied',
      }),
    );
    walks.push(
      walk('patrol', '巡查发现违法搭建', b + DAY, [b + DAY + HOUR, b + 2 * DAY, b + 9 * DAY]),
    );
  }
  const late = monthStart - 45 * DAY;
  walks.push(walk('placard', '小区门口垃圾长期无人清运', late, [late + HOUR, late + 3 * HOUR]));
  const waiting = monthStart - 10 * DAY;
  walks.push(walk('placard', '楼顶违法加层', waiting, [waiting + HOUR]));
  return walks;
}

function walk(
  channel: TicketWalk['channel'],
  description: string,
  filed: number,
  steps: number[],
  rate?: TicketWalk['rate'],
): TicketWalk {
  const [accept, contact, resolve] = steps;
  return { channel, description, filed, accept, contact, resolve, ...(rate ? { rate } : {}) };
}
