// The demo's other assessed records (src/server/assessment/demo.ts): decided cases, weekly
// visits, education events with attendance, printed and checked placards, and a running survey
// campaign with answers. Each is dated between the start of the period and now.
import sharp from 'sharp';
import type { SurveyChoice } from '../../contract/surveys.js';
import { addDays, isoWeekOf } from '../../domain/iso-week.js';
import { endOfShanghaiDay, shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { newId } from '../ids.js';
import { loadPlacardItems } from '../placards/content.js';
import { markPrinted } from '../placards/print-service.js';
import { recordCheck } from '../placards/service.js';
import { answerSurvey, createCampaign } from '../surveys/service.js';
import { ctxAt } from './demo-tickets.js';
import * as store from './demo-store.js';
import { addEvidence, createExemplary } from './exemplary.js';

const DAY = 86_400_000;

/** One demo street as the records need it. */
export interface DemoStreet {
  index: number;
  id: string;
  name: string;
  admin: StaffActor;
  liaison: StaffActor;
  buildings: { id: string; placard_token: string; community_id: string; liaison_id: string }[];
}

/** Two decided cases: one within its decision limit, one (in every third street) after it. */
export async function seedCases(ctx: AppContext, s: DemoStreet, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  let seq = await store.maxCaseSeq(ctx.db, s.id, year);
  for (const late of [false, s.index % 3 === 0]) {
    seq += 1;
    const lastDay = late ? addDays(today, -1) : addDays(today, 30);
    const registered = addDays(today, -60);
    const limits = {
      decision: {
        days: 90,
        unit: 'calendar',
        sense: 'by',
        lastDay,
        dueAt: endOfShanghaiDay(lastDay).toISOString(),
        fallback: false,
      },
    };
    await store.insertCase(ctx.db, {
      id: newId(),
      case_no: `${s.name}〔${String(year)}〕${String(seq).padStart(4, '0')}号`,
      case_year: year,
      case_seq: seq,
      street_id: s.id,
      body: 'street',
      source: 'patrol',
      matter_code: 'WFDJ',
      prohibition_basis: '《上海市住宅物业管理规定》第五十六条第二款第（二）项',
      penalty_basis: '《上海市住宅物业管理规定》第八十四条',
      penalty_range: '处一万元以上十万元以下罚款',
      place: `${s.name}某小区`,
      facts: '在物业管理区域内违法搭建构筑物。',
      status: 'decided',
      officer_id: s.liaison.id,
      registered_at: endOfShanghaiDay(addDays(registered, -1)).toISOString(),
      registered_on: registered,
      limits: JSON.stringify(limits),
      hearing_right: 0,
      hearing_waived: 0,
      fine_serious: 0,
      range_unchecked: 0,
      decision_kind: 'no_penalty',
      decided_on: today,
      event_count: 1,
      updated_at: ctx.now().toISOString(),
    });
  }
}

/** Two visits a week by the street's liaison in the ended weeks since `fromDate`, some missed. */
export async function seedVisits(ctx: AppContext, s: DemoStreet, fromDate: string, today: string) {
  const communityId = s.buildings.find((b) => b.liaison_id === s.liaison.id)?.community_id;
  if (!communityId) {
    return;
  }
  let week = 0;
  for (let day = addDays(fromDate, -7); addDays(day, 6) < today; day = addDays(day, 7)) {
    week += 1;
    if ((week + s.index) % 4 === 0) {
      continue;
    }
    for (const offset of [1, 3]) {
      const date = addDays(day, offset);
      const id = newId();
      const at = endOfShanghaiDay(date).toISOString();
      await store.insertVisit(ctx.db, {
        id,
        liaison_id: s.liaison.id,
        community_id: communityId,
        street_id: s.id,
        visit_date: date,
        iso_week: isoWeekOf(date),
        partners: JSON.stringify(['residents_committee']),
        notes: '走访居委会，了解近期居民反映的问题。',
        created_by: s.liaison.id,
        created_at: at,
        updated_at: at,
        request_hash: `demo-visit-${id}`,
      });
    }
  }
}

/** One or two education events held since `fromDate`, with their attendance. */
export async function seedEvents(ctx: AppContext, s: DemoStreet, fromDate: string, today: string) {
  const dates = s.index % 2 === 0 ? [fromDate, today] : [today];
  for (const [n, date] of dates.entries()) {
    await store.insertEvent(ctx.db, {
      id: newId(),
      kind: n === 0 ? 'lecture' : 'open_day',
      title: n === 0 ? '物业管理区域违法搭建普法讲座' : '城管执法开放日',
      place: '居委会活动室',
      event_date: date,
      street_id: s.id,
      community_id: s.buildings[0]?.community_id ?? null,
      attendance: 18 + ((s.index * 7) % 25),
      published: 1,
      created_by: s.admin.id,
      created_at: ctx.now().toISOString(),
      updated_at: ctx.now().toISOString(),
    });
  }
}

/**
 * Prints the placards of most buildings of the street at `printedAt` and has the liaison check
 * some of them a day later; every fourth checked one is found damaged.
 */
export async function seedPlacards(ctx: AppContext, s: DemoStreet, printedAt: number) {
  const skip = 3 + (s.index % 4);
  const chosen = new Set(s.buildings.filter((_, i) => i % skip !== 0).map((b) => b.id));
  const items: { id: string; version: string }[] = [];
  for (const communityId of new Set(s.buildings.map((b) => b.community_id))) {
    for (const item of await loadPlacardItems(ctx.db, { kind: 'community', id: communityId })) {
      if (chosen.has(item.buildingId)) {
        items.push({ id: item.buildingId, version: item.version });
      }
    }
  }
  for (let i = 0; i < items.length; i += 50) {
    await markPrinted(ctxAt(ctx, printedAt), s.admin, { buildings: items.slice(i, i + 50) });
  }
  const points = await store.listFirstPoints(ctx.db, [...chosen].slice(0, 8));
  for (const [i, point] of points.entries()) {
    const result = i % 4 === 3 ? 'damaged' : 'ok';
    await recordCheck(ctxAt(ctx, printedAt + DAY), s.admin, point.id, { result });
  }
}

/** The running survey campaign of every street and a few answers from placards of each. */
export async function seedSurvey(
  ctx: AppContext,
  bureau: StaffActor,
  streets: DemoStreet[],
  opensAt: number,
  now: number,
): Promise<void> {
  const opensOn = shanghaiDate(new Date(opensAt));
  const campaign = await createCampaign(
    ctxAt(ctx, opensAt),
    bureau,
    {
      streetId: null,
      title: '城管社区工作室服务满意度测评',
      opensOn,
      closesOn: addDays(shanghaiDate(new Date(now)), 30),
      questions: [
        '您对城管社区工作室的服务总体是否满意？',
        '联络员是否及时回应您的诉求？',
        '您是否知道楼栋联络牌上的联系方式？',
      ],
      commentMax: 200,
    },
    'demo-seed',
  );
  const choices: SurveyChoice[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];
  for (const s of streets) {
    const count = 3 + (s.index % 3);
    for (let n = 0; n < count; n += 1) {
      const building = s.buildings[n % Math.max(1, s.buildings.length)];
      const overall = choices[(n + s.index) % 5 === 4 ? 2 : n % 2] ?? 'satisfied';
      const at = opensAt + ((now - opensAt) * (n + 1)) / (count + 1);
      await answerSurvey(
        ctxAt(ctx, at),
        campaign.id,
        {
          deviceKey: `demo-device-${String(s.index)}-${String(n)}-key`,
          choices: [overall, 'satisfied', n % 2 === 0 ? 'satisfied' : 'basically_satisfied'],
          ...(building ? { placardToken: building.placard_token } : { streetId: s.id }),
        },
        `demo-${String(s.index)}-${String(n)}`,
      );
    }
  }
}

/** One exemplary work of the first street, recognised today, with an evidence photo. */
export async function seedExemplary(
  ctx: AppContext,
  bureau: StaffActor,
  s: DemoStreet,
  title: string,
): Promise<void> {
  const record = await createExemplary(
    ctx,
    bureau,
    {
      streetId: s.id,
      title,
      recognisedOn: shanghaiDate(ctx.now()),
      description: '联络员会同居委、业委会、物业“三驾马车”，一个月内化解小区违法搭建纠纷。',
    },
    'demo-seed',
  );
  const photo = await sharp({
    create: { width: 320, height: 240, channels: 3, background: '#3b7d4f' },
  })
    .jpeg()
    .toBuffer();
  await addEvidence(
    ctx,
    bureau,
    record.id,
    { bytes: photo, filename: 'evidence.jpg' },
    'demo-seed',
  );
}
