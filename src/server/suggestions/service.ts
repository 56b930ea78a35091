// Reading suggestions: the staff list and detail within the actor's scope, the proposer's own
// page through the private link, and the public list of adopted suggestions.
import type {
  AdoptedList,
  ResidentSuggestion,
  StaffSuggestion,
  StaffSuggestionList,
  StaffSuggestionQuery,
  SuggestionStatus,
} from '../../contract/suggestions.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { accessTokenOf } from '../tickets/intake.js';
import {
  presentAdoptedSuggestion,
  presentResidentSuggestion,
  presentStaffSuggestion,
  presentStaffSuggestionRow,
} from './present.js';
import { allowedSteps } from './rules.js';
import * as store from './store.js';

/** The roles that handle suggestions. */
export const suggestionRoles = ['street_admin', 'bureau_admin'] as const;

const openStatuses: readonly SuggestionStatus[] = ['submitted', 'accepted', 'handling'];

function scopeOf(actor: StaffActor): store.SuggestionScope {
  if (actor.role === 'bureau_admin') {
    return { all: true };
  }
  if (actor.role === 'street_admin') {
    return { streetId: actor.streetId ?? '-' };
  }
  throw new AppError('forbidden');
}

/** A suggestion the actor may handle: the bureau's all, a street admin's their street's. */
export async function loadVisibleSuggestion(ctx: AppContext, actor: StaffActor, id: string) {
  const scope = scopeOf(actor);
  const s = await store.findSuggestion(ctx.db, id);
  if (!s || ('streetId' in scope && s.street_id !== scope.streetId)) {
    throw new AppError('not_found');
  }
  return s;
}

/** One suggestion with its handling and the steps the actor may take now. */
export async function getStaffSuggestion(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<StaffSuggestion> {
  const s = await loadVisibleSuggestion(ctx, actor, id);
  return presentStaffSuggestion(s, ctx.now(), allowedSteps(s.status as SuggestionStatus));
}

/** One page of the suggestions the actor may handle, newest first. */
export async function listStaffSuggestions(
  ctx: AppContext,
  actor: StaffActor,
  query: StaffSuggestionQuery,
): Promise<StaffSuggestionList> {
  const statuses =
    query.status === 'all' ? null : query.status === 'open' ? openStatuses : [query.status];
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const filter = { statuses, campaignId: query.campaignId ?? null };
  const { rows, total } = await store.listSuggestions(ctx.db, scopeOf(actor), filter, page);
  const now = ctx.now();
  return {
    items: rows.map((s) => presentStaffSuggestionRow(s, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The proposer's own suggestion, through the private link; any other token is not found. */
export async function getResidentSuggestion(
  ctx: AppContext,
  accessToken: string,
): Promise<ResidentSuggestion> {
  const s = await store.findSuggestionByAccessHash(ctx.db, sha256Hex(accessToken));
  if (!s) {
    throw new AppError('not_found');
  }
  const ticketPath = s.ticket_id ? `/t/${accessTokenOf(ctx, s.ticket_id)}` : null;
  return presentResidentSuggestion(s, ticketPath);
}

/**
 * One page of the adopted suggestions (采纳, 部分采纳) whose proposer agreed to publication, with
 * the proposer masked (张*) and never a phone: the feedback made public (Art 12).
 */
export async function listAdoptedSuggestions(
  ctx: AppContext,
  query: { page: number; pageSize: number; campaignId?: string },
): Promise<AdoptedList> {
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const { rows, total } = await store.listAdopted(ctx.db, query.campaignId ?? null, page);
  return {
    items: rows.map(presentAdoptedSuggestion),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
