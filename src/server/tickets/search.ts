// Staff search: the inbox's text and field filters, and the audited lookup of a reporter's tickets
// by phone. Phones are stored encrypted with a random IV, so they are found through a keyed
// digest (ticket_reporters.phone_digest, migration 0007), never by decrypting or by the number.
import type { PhoneLookup, TicketList } from '../../contract/tickets.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { residentPhoneDigest } from '../crypto/phone-digest.js';
import { AppError } from '../errors.js';
import { presentTicketRow } from './present.js';
import * as inbox from './inbox-store.js';

/** The keyed digest of a reporter's phone, as stored with the reporter and looked up by. */
export const reporterPhoneDigest = residentPhoneDigest;

/**
 * The tracking code a search text could be part of: full-width forms folded (NFKC), dashes and
 * spaces dropped; null when what is left is not letters and digits.
 */
export function trackingCodeText(text: string): string | null {
  const compact = text.normalize('NFKC').replace(/[\s\-\u2010-\u2015]/g, '');
  return /^[0-9A-Za-z]+$/.test(compact) ? compact : null;
}

/** The search fields of a list query. */
export interface SearchQuery {
  q?: string;
  kind?: string;
  matterCode?: string;
  channel?: string;
}

/** The store's search of a list query, or undefined when the query searches for nothing. */
export function searchOf(query: SearchQuery): inbox.TicketSearch | undefined {
  const text = query.q?.normalize('NFC').trim() ?? '';
  const search: inbox.TicketSearch = {
    text: text === '' ? null : text,
    code: text === '' ? null : trackingCodeText(text),
    kind: query.kind ?? null,
    matterCode: query.matterCode ?? null,
    channel: query.channel ?? null,
    phoneDigest: null,
  };
  const narrows = Object.values(search).some((v) => v !== null);
  return narrows ? search : undefined;
}

function lookupScope(actor: StaffActor): inbox.TicketScope {
  if (actor.role === 'bureau_admin') {
    return { all: true };
  }
  if (actor.role === 'street_admin') {
    return { streetId: actor.streetId ?? '-' };
  }
  throw new AppError('forbidden');
}

/**
 * The tickets a phone number filed, in the admin's scope (a street admin's street, the bureau's
 * whole district), newest first, in every state. Each lookup is audited with the number of
 * tickets found and their ids, never the phone; the entry is written before the answer leaves.
 * Tickets filed before migration 0007 have no digest and are not found (docs/database.md).
 */
export async function lookupByPhone(
  ctx: AppContext,
  actor: StaffActor,
  input: PhoneLookup,
  requestId: string | null,
): Promise<TicketList> {
  const scope = lookupScope(actor);
  const now = ctx.now();
  const search: inbox.TicketSearch = {
    text: null,
    code: null,
    kind: null,
    matterCode: null,
    channel: null,
    phoneDigest: reporterPhoneDigest(ctx.cipher, input.phone),
  };
  const { rows, total } = await inbox.listTickets(
    ctx.db,
    scope,
    { statuses: null, tier: null, due: 'any', now: now.toISOString(), search },
    { limit: input.pageSize, offset: (input.page - 1) * input.pageSize },
  );
  await recordAudit(ctx.db, ctx, {
    actorKind: 'staff',
    actorId: actor.id,
    action: 'ticket.phone_lookup',
    recordType: 'ticket',
    recordId: null,
    detail: { results: total, ticketIds: rows.map((r) => r.id) },
    requestId,
  });
  return {
    items: rows.map((t) => presentTicketRow(t, now)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
