// The GET methods over requests: the list with every filter of the specification and the
// page/page_size extension, one request, and a batch token. Only public kinds are shown, and
// only public columns: never a reporter, a reply text or a staff member.
import {
  OPEN311_PAGE_MAX,
  OPEN311_RANGE_DAYS,
  type Open311Request,
} from '../../contract/open311.js';
import type { TicketKind, TicketStatus } from '../../contract/tickets.js';
import type { AppContext } from '../context.js';
import { badField, notFound } from './errors.js';
import {
  commaList,
  datetimeArg,
  one,
  open311Time,
  wholeNumberArg,
  type FormValues,
} from './form.js';
import { publicKinds, serviceCodes, serviceNameOf } from './services.js';
import { open311StatusOf, statusesOf, statusNoteOf } from './state-map.js';
import * as store from './store.js';

const DAY_MS = 24 * 3600_000;

/** A half-open window [from, before) of instants, at most 90 days wide. */
export interface Window {
  from: string;
  before: string;
}

/**
 * The date window of start_date and end_date: start inclusive, end exclusive; one bound alone
 * reaches 90 days from it, none means the last 90 days; wider than 90 days is refused.
 */
export function windowOf(values: FormValues, now: Date): Window {
  const start = datetimeArg(values, 'start_date');
  const end = datetimeArg(values, 'end_date');
  const span = OPEN311_RANGE_DAYS * DAY_MS;
  const before = end ?? (start ? new Date(start.getTime() + span) : new Date(now.getTime() + 1));
  const from = start ?? new Date(before.getTime() - span);
  if (from.getTime() >= before.getTime()) {
    throw badField('end_date', '结束时间须晚于开始时间', 'must be after start_date');
  }
  if (before.getTime() - from.getTime() > span) {
    throw badField(
      'end_date',
      `时间范围不能超过 ${String(OPEN311_RANGE_DAYS)} 天`,
      `the range may not exceed ${String(OPEN311_RANGE_DAYS)} days`,
    );
  }
  return { from: from.toISOString(), before: before.toISOString() };
}

/** page (from 1; 0 counts as 1) and page_size (default and cap 1,000). */
export function pageOf(values: FormValues): { limit: number; offset: number } {
  const page = Math.max(1, wholeNumberArg(values, 'page') ?? 1);
  const size = wholeNumberArg(values, 'page_size') ?? OPEN311_PAGE_MAX;
  if (size < 1) {
    throw badField('page_size', '须至少为 1', 'must be at least 1');
  }
  const limit = Math.min(size, OPEN311_PAGE_MAX);
  return { limit, offset: (page - 1) * limit };
}

function codesOf(values: FormValues): TicketKind[] {
  const codes = commaList(values, 'service_code');
  if (!codes) {
    return publicKinds;
  }
  const unknown = codes.find((c) => !(serviceCodes as string[]).includes(c));
  if (unknown !== undefined) {
    throw badField('service_code', `没有该服务：${unknown}`, `no such service: ${unknown}`);
  }
  // A blackbox code is accepted and simply matches nothing.
  return publicKinds.filter((k) => codes.includes(k));
}

function statusesFilter(values: FormValues): TicketStatus[] | undefined {
  const given = commaList(values, 'status');
  if (!given) {
    return undefined;
  }
  const wrong = given.find((s) => s !== 'open' && s !== 'closed');
  if (wrong !== undefined) {
    throw badField('status', '只能是 open 或 closed', 'must be open or closed');
  }
  return [...new Set(given)].flatMap((s) => statusesOf(s as 'open' | 'closed'));
}

/** When a closed request closed: replied, closed after rating, or declined or merged. */
function updatedOf(row: store.PublicRequestRow): string {
  const status = row.status as TicketStatus;
  if (status === 'resolved' && row.resolved_at) {
    return row.resolved_at;
  }
  if (status === 'closed' && row.closed_at) {
    return row.closed_at;
  }
  return row.updated_at;
}

/** One ticket as GeoReport v2 shows it. */
export function presentRequest(row: store.PublicRequestRow, extensions: boolean): Open311Request {
  const status = row.status as TicketStatus;
  const open = open311StatusOf[status] === 'open';
  return {
    service_request_id: row.tracking_code,
    status: open311StatusOf[status],
    status_notes: statusNoteOf[status],
    service_name: serviceNameOf(row.kind as TicketKind),
    service_code: row.kind,
    // Only what a partner sent to this public interface is published; a resident's words at a
    // placard were not written for publication and may name people.
    description: row.channel === 'open311' ? row.description || null : null,
    agency_responsible: `${row.street_name} ${row.room_name}`,
    service_notice: null,
    requested_datetime: open311Time(row.created_at),
    updated_datetime: open311Time(updatedOf(row)),
    expected_datetime: open ? open311Time(row.resolve_due_at) : null,
    address: `${row.building_address} ${row.building_name}（${row.community_name}）`,
    address_id: row.building_code,
    zipcode: null,
    lat: row.lat ?? null,
    long: row.long ?? null,
    media_url: row.media_url ?? null,
    ...(extensions
      ? { extended_attributes: { detailed_status: status, channel: row.channel } }
      : {}),
  };
}

/** GET requests: service_request_id overrides every other filter. */
export async function listOpen311Requests(
  ctx: AppContext,
  values: FormValues,
): Promise<Open311Request[]> {
  const extensions = one(values, 'extensions') === 'true';
  const page = pageOf(values);
  const ids = commaList(values, 'service_request_id');
  const filter: store.PublicFilter = ids
    ? { kinds: publicKinds, trackingCodes: ids.map((id) => id.toUpperCase()) }
    : {
        kinds: codesOf(values),
        statuses: statusesFilter(values),
        ...windowOf(values, ctx.now()),
      };
  if (filter.kinds.length === 0) {
    return [];
  }
  const rows = await store.listPublicRequests(ctx.db, filter, page);
  return rows.map((r) => presentRequest(r, extensions));
}

/** GET requests/{id}: one public request in a one-element list; anything else is 404. */
export async function getOpen311Request(
  ctx: AppContext,
  id: string,
  values: FormValues,
): Promise<Open311Request[]> {
  const extensions = one(values, 'extensions') === 'true';
  const rows = await store.listPublicRequests(
    ctx.db,
    { kinds: publicKinds, trackingCodes: [id.toUpperCase()] },
    { limit: 1, offset: 0 },
  );
  const row = rows[0];
  if (!row) {
    throw notFound('service_request_id', '没有该诉求', 'no such request');
  }
  return [presentRequest(row, extensions)];
}

/** GET tokens/{token}: the request id a batch token stands for. */
export async function resolveOpen311Token(ctx: AppContext, token: string) {
  const row = await store.findRequestByToken(ctx.db, token.toLowerCase());
  if (!row?.token) {
    throw notFound('token', '没有该令牌', 'no such token');
  }
  return [{ service_request_id: row.tracking_code, token: row.token }];
}
