// The assessment demo for `npm start`: records of every demo street dated relative to now, so the
// assessment page shows real scores in the current month and quarter, the dashboard has trends
// and overdue tickets, a survey campaign is running with answers, and one exemplary work carries
// evidence. Runs once: a second run finds its exemplary record and changes nothing.
import { parsePeriod } from '../../domain/assessment/period.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import {
  seedCases,
  seedEvents,
  seedExemplary,
  seedPlacards,
  seedSurvey,
  seedVisits,
  type DemoStreet,
} from './demo-records.js';
import * as store from './demo-store.js';
import { ticketWalks, walkTicket } from './demo-tickets.js';

/** The title of the demo's exemplary work; its presence marks the seed as done. */
export const demoExemplaryTitle = '“三驾马车”联动化解小区违法搭建纠纷';

const DAY = 86_400_000;

function actorOf(id: string, role: StaffActor['role'], streetId: string | null): StaffActor {
  return { id, role, streetId, sessionId: 'demo-seed' };
}

async function demoStreets(ctx: AppContext): Promise<DemoStreet[]> {
  const streets: DemoStreet[] = [];
  for (const [index, s] of (await store.listDemoStreets(ctx.db)).entries()) {
    const buildings = await store.listStreetBuildings(ctx.db, s.id);
    const first = buildings[0];
    if (!first) {
      continue;
    }
    streets.push({
      index,
      id: s.id,
      name: s.name,
      admin: actorOf(s.admin_id, 'street_admin', s.id),
      liaison: actorOf(first.liaison_id, 'liaison', s.id),
      buildings,
    });
  }
  return streets;
}

/** The start of the month and of the quarter that `now` falls in, in Asia/Shanghai (ms). */
function periodStarts(now: Date): { month: number; quarter: number } {
  const today = shanghaiDate(now);
  const quarter = `${today.slice(0, 4)}-Q${String(Math.ceil(Number(today.slice(5, 7)) / 3))}`;
  return {
    month: parsePeriod(today.slice(0, 7))?.from.getTime() ?? now.getTime(),
    quarter: parsePeriod(quarter)?.from.getTime() ?? now.getTime(),
  };
}

/**
 * Seeds the assessment demo into the demo organisation; does nothing when there is no demo
 * street, no bureau admin, or when it has run before.
 */
export async function seedAssessmentDemo(ctx: AppContext): Promise<boolean> {
  const bureauId = await store.findBureauAdmin(ctx.db);
  const streets = await demoStreets(ctx);
  const first = streets[0];
  if (!bureauId || !first || (await store.findExemplaryTitled(ctx.db, demoExemplaryTitle))) {
    return false;
  }
  const bureau = actorOf(bureauId, 'bureau_admin', null);
  const now = ctx.now();
  const today = shanghaiDate(now);
  const starts = periodStarts(now);
  const monthStartDate = shanghaiDate(new Date(starts.month));
  for (const s of streets) {
    const people = {
      index: s.index,
      streetId: s.id,
      placardToken: s.buildings[0]?.placard_token ?? '',
      liaison: s.liaison,
      admin: s.admin,
    };
    for (const walk of ticketWalks(s.index, starts.month, now.getTime())) {
      await walkTicket(ctx, people, walk, now.getTime());
    }
    await seedCases(ctx, s, today);
    await seedVisits(ctx, s, shanghaiDate(new Date(starts.quarter)), today);
    await seedEvents(ctx, s, monthStartDate, today);
    await seedPlacards(ctx, s, starts.quarter - 7 * DAY);
  }
  await seedSurvey(ctx, bureau, streets, starts.month, now.getTime());
  await seedExemplary(ctx, bureau, first, demoExemplaryTitle);
  return true;
}
