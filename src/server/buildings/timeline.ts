// A building's timeline: every source read newest first and merged into one list, cut at the
// limit. Items of one instant are never split between two pages: a page that would end inside
// an instant takes the rest of it, and the next page starts strictly before it.
import type { TimelineItem, TimelineKind } from '../../contract/buildings.js';
import { reinspectionState } from '../../domain/reinspection-rules.js';
import type { AppContext } from '../context.js';
import * as store from './timeline-store.js';

type Matter = {
  matter_code: string | null;
  matter_name: string | null;
  matter_name_en: string | null;
};

function matterOf(r: Matter): TimelineItem['matter'] {
  return r.matter_code
    ? { code: r.matter_code, name: r.matter_name ?? r.matter_code, nameEn: r.matter_name_en ?? '' }
    : null;
}

function item(
  kind: TimelineKind,
  at: string | null,
  link: TimelineItem['link'],
  fields: Partial<Omit<TimelineItem, 'kind' | 'at' | 'link'>> = {},
): TimelineItem {
  return {
    kind,
    at: at ?? '',
    link,
    day: null,
    code: null,
    state: null,
    detail: null,
    matter: null,
    ticket: null,
    ...fields,
  };
}

const ticketOf = (r: { ticket_id: string; tracking_code: string }) => ({
  id: r.ticket_id,
  trackingCode: r.tracking_code,
});

async function ticketItems(ctx: AppContext, id: string, w: store.Window) {
  const m = await store.ticketMoments(ctx.db, id, w);
  const base = (r: (typeof m.filed)[number]) => ({
    code: r.tracking_code,
    state: r.status,
    matter: matterOf(r),
  });
  return [
    ...m.filed.map((r) =>
      item('ticket_filed', r.at, { type: 'ticket', id: r.id }, { ...base(r), detail: r.channel }),
    ),
    ...m.resolved.map((r) =>
      item(
        'ticket_resolved',
        r.at,
        { type: 'ticket', id: r.id },
        { ...base(r), detail: r.outcome },
      ),
    ),
    ...m.ended.map((r) => item('ticket_closed', r.at, { type: 'ticket', id: r.id }, base(r))),
  ];
}

async function caseItems(ctx: AppContext, id: string, w: store.Window) {
  const m = await store.caseMoments(ctx.db, id, w);
  const base = (r: (typeof m.registered)[number]) => ({
    code: r.case_no,
    state: r.status,
    detail: r.decision_kind,
    matter: matterOf(r),
    ticket: ticketOf(r),
  });
  const link = (r: { id: string }) => ({ type: 'case' as const, id: r.id });
  return [
    ...m.registered.map((r) => item('case_registered', r.at, link(r), base(r))),
    ...m.decided.map((r) => item('case_decided', r.at, link(r), { ...base(r), day: r.decided_on })),
    ...m.closed.map((r) => item('case_closed', r.at, link(r), base(r))),
    ...m.cancelled.map((r) => item('case_cancelled', r.at, link(r), base(r))),
  ];
}

async function fieldWorkItems(ctx: AppContext, id: string, w: store.Window) {
  const [visits, meetings, mediations] = await Promise.all([
    store.visitRows(ctx.db, id, w),
    store.meetingRows(ctx.db, id, w),
    store.mediationMoments(ctx.db, id, w),
  ]);
  const mediation = (r: (typeof mediations.opened)[number]) => ({
    code: `${r.number_year}-${String(r.number_seq).padStart(4, '0')}`,
    state: r.status,
    detail: r.outcome_kind,
    ticket: ticketOf(r),
  });
  return [
    ...visits.map((r) =>
      item('visit', r.at, { type: 'visit', id: r.id }, { day: r.visit_date, ticket: ticketOf(r) }),
    ),
    ...meetings.map((r) =>
      item(
        'meeting',
        r.at,
        { type: 'meeting', id: r.id },
        { day: r.meeting_date, state: r.link, detail: r.kind, ticket: ticketOf(r) },
      ),
    ),
    ...mediations.opened.map((r) =>
      item('mediation_opened', r.at, { type: 'mediation', id: r.id }, mediation(r)),
    ),
    ...mediations.concluded.map((r) =>
      item('mediation_concluded', r.at, { type: 'mediation', id: r.id }, mediation(r)),
    ),
  ];
}

async function placardItems(ctx: AppContext, id: string, w: store.Window) {
  const m = await store.placardMoments(ctx.db, id, w);
  const link = (r: { id: string }) => ({ type: 'placard' as const, id: r.id });
  return [
    ...m.added.map((r) => item('placard_point_added', r.at, link(r), { code: r.point_no })),
    ...m.printed.map((r) => item('placard_printed', r.at, link(r), { code: r.point_no })),
    ...m.checked.map((r) =>
      item('placard_checked', r.at, link(r), { code: r.point_no, state: r.result }),
    ),
    ...m.rotated.map((r) => item('placard_token_rotated', r.at, { type: 'placard', id })),
  ];
}

async function ownItems(ctx: AppContext, id: string, w: store.Window) {
  const m = await store.ownMoments(ctx.db, id, w);
  const now = ctx.now();
  const link = (r: { id: string }) => ({ type: 'reinspection' as const, id: r.id });
  return [
    ...m.scheduled.map((r) =>
      item('reinspection_scheduled', r.at, link(r), {
        code: r.case_no,
        day: r.due_on,
        state: reinspectionState(r.due_on, r.status === 'done', now),
        matter: matterOf(r),
      }),
    ),
    ...m.done.map((r) =>
      item('reinspection_done', r.at, link(r), {
        code: r.case_no,
        day: r.done_on,
        state: r.result,
        matter: matterOf(r),
      }),
    ),
    ...m.flagged.map((r) =>
      item(
        'building_flagged',
        r.at,
        { type: 'building', id },
        {
          detail: r.reason,
          matter: matterOf(r),
        },
      ),
    ),
    ...m.cleared.map((r) =>
      item('building_flag_cleared', r.at, { type: 'building', id }, { detail: r.reason }),
    ),
  ];
}

/**
 * Cause before effect, for items of one instant: a visit files its ticket, a case's closing
 * answers its ticket, marking a building printed adds its first point.
 */
export const causeToEffect: readonly TimelineKind[] = [
  'visit',
  'meeting',
  'ticket_filed',
  'mediation_opened',
  'case_registered',
  'case_decided',
  'case_closed',
  'case_cancelled',
  'ticket_resolved',
  'ticket_closed',
  'mediation_concluded',
  'reinspection_scheduled',
  'reinspection_done',
  'building_flagged',
  'building_flag_cleared',
  'placard_point_added',
  'placard_printed',
  'placard_checked',
  'placard_token_rotated',
];
const kindOrder = new Map(causeToEffect.map((k, i) => [k, i]));

/** Newest first; within one instant the effect above its cause, then by id. */
function newestFirst(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) {
    return a.at < b.at ? 1 : -1;
  }
  const byKind = (kindOrder.get(b.kind) ?? 0) - (kindOrder.get(a.kind) ?? 0);
  return byKind !== 0 ? byKind : a.link.id.localeCompare(b.link.id);
}

/**
 * One page of a building's timeline, newest first: at most `limit` items (more only to finish
 * the last instant), and the instant to pass as `before` for the next page, if any.
 */
export async function buildingTimeline(
  ctx: AppContext,
  buildingId: string,
  window: store.Window,
): Promise<{ items: TimelineItem[]; nextBefore: string | null; limit: number }> {
  // One more than the limit from each source tells whether anything is left after the page.
  const w = { before: window.before, limit: window.limit + 1 };
  const parts = await Promise.all([
    ticketItems(ctx, buildingId, w),
    caseItems(ctx, buildingId, w),
    fieldWorkItems(ctx, buildingId, w),
    placardItems(ctx, buildingId, w),
    ownItems(ctx, buildingId, w),
  ]);
  const all = parts.flat().sort(newestFirst);
  let end = Math.min(window.limit, all.length);
  while (end < all.length && end > 0 && all[end]?.at === all[end - 1]?.at) {
    end += 1;
  }
  const items = all.slice(0, end);
  const nextBefore = end < all.length ? (items.at(-1)?.at ?? null) : null;
  return { items, nextBefore, limit: window.limit };
}
