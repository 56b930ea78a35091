// Reading cases: the list of a viewer's scope and one case with everything its page shows. Who
// sees a case is its street: the street's liaisons and admin, and the bureau admin.
import type { CaseList, StaffCase } from '../../contract/case-views.js';
import { allowedCaseSteps, openCaseStatuses } from '../../domain/case-machine.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { caseRelationOf, caseScopeOf } from './access.js';
import { presentCase, presentCaseRow } from './present.js';
import { loadCaseRules } from './rules.js';
import { caseFactsOf } from './step-context.js';
import * as store from './store.js';

/** Loads a case the actor may see, with their relation to it; any other id is not found. */
export async function loadVisibleCase(ctx: AppContext, actor: StaffActor, id: string) {
  const c = await store.findCase(ctx.db, id);
  const relation = c ? caseRelationOf(actor, c.street_id) : 'unrelated';
  if (!c || relation === 'unrelated') {
    throw new AppError('not_found');
  }
  return { c, relation };
}

/** The earlier cases of the party of a case for the same matter (the first-violation check). */
export function earlierCasesOf(
  ctx: AppContext,
  c: { id: string; party_digest: string; matter_code: string; registered_at: string },
) {
  return store.listEarlierCases(ctx.db, c.party_digest, c.matter_code, c.registered_at, c.id);
}

/** One case with its limits, timeline, evidence and exactly the steps the actor may take. */
export async function getCase(ctx: AppContext, actor: StaffActor, id: string): Promise<StaffCase> {
  const { c, relation } = await loadVisibleCase(ctx, actor, id);
  const [events, evidence, nonPenalty, earlier, ranges, rules] = await Promise.all([
    store.listEvents(ctx.db, c.id),
    store.listEvidence(ctx.db, c.id),
    store.findNonPenalty(ctx.db, c.id),
    earlierCasesOf(ctx, c),
    store.listFineRanges(ctx.db, c.matter_code),
    loadCaseRules(ctx.db),
  ]);
  const steps = allowedCaseSteps(caseFactsOf(c, nonPenalty), relation);
  const parts = { events, evidence, nonPenalty, earlier, ranges, steps, rules };
  return presentCase(c, parts, ctx.now());
}

/** The cases of the actor's scope, newest first: open ones, all, one state, or the overdue. */
export async function listCases(
  ctx: AppContext,
  actor: StaffActor,
  query: { status: string; due: string; page: number; pageSize: number; ticketId?: string },
): Promise<CaseList> {
  const statuses =
    query.status === 'all' ? null : query.status === 'open' ? openCaseStatuses : [query.status];
  const now = ctx.now();
  const { rows, total } = await store.listCases(
    ctx.db,
    caseScopeOf(actor),
    {
      statuses,
      overdueAt: query.due === 'overdue' ? now.toISOString() : null,
      ticketId: query.ticketId ?? null,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: rows.map((r) => presentCaseRow(r, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The streets the actor may register a patrol finding in: their own, or all for the bureau. */
export async function caseStreets(ctx: AppContext, actor: StaffActor) {
  const rows = await store.listStreets(ctx.db);
  const scope = caseScopeOf(actor);
  return { items: rows.filter((s) => !('streetId' in scope) || s.id === scope.streetId) };
}
