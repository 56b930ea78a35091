// Mediations (调解): who sees one, the list, and one mediation. Opening is in opening.ts, the
// steps after it in steps.ts, the agreement PDF in agreement.ts.
import type { Mediation, MediationList } from '../../contract/mediation-views.js';
import type { MediationListQuery } from '../../contract/mediations.js';
import {
  allowedMediationSteps,
  type MediationFacts,
  type MediationRelation,
} from '../../domain/mediation-machine.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { StaffActor } from '../accounts/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { mediationRelation, mediationScope } from './access.js';
import { presentMediation, presentMediationRow } from './present.js';
import * as store from './store.js';

/** A mediation the actor may see, with their relation to it and its mediators. */
export interface VisibleMediation {
  m: store.MediationRecord;
  relation: MediationRelation;
  mediators: Awaited<ReturnType<typeof store.listMediators>>;
}

/** Loads a mediation the actor may see; any other id, or one outside their place, is 404. */
export async function loadVisibleMediation(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<VisibleMediation> {
  const m = await store.findMediation(ctx.db, id);
  if (!m) {
    throw new AppError('not_found');
  }
  const [mediators, communities] = await Promise.all([
    store.listMediators(ctx.db, m.id),
    actor.role === 'liaison' ? store.communityIdsOfLiaison(ctx.db, actor.id) : [],
  ]);
  const relation = mediationRelation(actor, communities, {
    streetId: m.street_id,
    communityId: m.community_id,
    openedBy: m.opened_by,
    mediatorStaffIds: mediators.flatMap((r) => (r.staff_id ? [r.staff_id] : [])),
  });
  if (relation === 'unrelated') {
    throw new AppError('not_found');
  }
  return { m, relation, mediators };
}

/** What the state machine needs to know of a stored mediation. */
export function factsOf(v: Pick<VisibleMediation, 'm' | 'mediators'>): MediationFacts {
  return {
    status: v.m.status as MediationFacts['status'],
    hasCommitteeMediator: v.mediators.some((r) => r.org_kind === 'people_committee'),
    checkResult: v.m.check_result as MediationFacts['checkResult'],
    hasFollowup: v.m.followup_kind !== null,
  };
}

/** One mediation with its parties masked and exactly the steps the actor may take. */
export async function getMediation(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<Mediation> {
  const v = await loadVisibleMediation(ctx, actor, id);
  const [parties, sessions, calendar] = await Promise.all([
    store.listParties(ctx.db, v.m.id),
    store.listSessions(ctx.db, v.m.id),
    loadCalendar(ctx.db),
  ]);
  const steps = allowedMediationSteps(factsOf(v), v.relation);
  return presentMediation(
    v.m,
    { parties, mediators: v.mediators, sessions, steps },
    calendar,
    ctx.now(),
  );
}

function filterOf(query: MediationListQuery, today: string): store.MediationListFilter {
  const base = { statuses: null, checkDueBefore: null, ticketId: query.ticketId ?? null };
  switch (query.status) {
    case 'all':
      return base;
    case 'active':
      return { ...base, statuses: ['open', 'in_session', 'agreed_written', 'agreed_oral'] };
    case 'check_due':
      return { ...base, statuses: ['agreed_written', 'agreed_oral'], checkDueBefore: today };
    default:
      return { ...base, statuses: [query.status] };
  }
}

/** One page of the mediations the actor may see, newest first, the parties masked. */
export async function listMediations(
  ctx: AppContext,
  actor: StaffActor,
  query: MediationListQuery,
): Promise<MediationList> {
  const communities =
    actor.role === 'liaison' ? await store.communityIdsOfLiaison(ctx.db, actor.id) : [];
  const now = ctx.now();
  // "Due" means the check day has come: before tomorrow in Shanghai.
  const tomorrow = shanghaiDate(new Date(now.getTime() + 24 * 3600_000));
  const { rows, total } = await store.listMediations(
    ctx.db,
    mediationScope(actor, communities),
    filterOf(query, tomorrow),
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const names = await store.maskedNamesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentMediationRow(r, names.get(r.id) ?? [], now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
