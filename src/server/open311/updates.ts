// The servicerequestupdates extension (FixMyStreet): partners read what happened to public
// requests since a time, and push a note to a request they filed. The feed is built from the
// ticket timeline's state changes with fixed texts, never a reply or a partner's words; notes
// go to the handlers of the ticket only.
import type { Open311Update } from '../../contract/open311.js';
import type { PartnerNote } from '../../contract/tickets.js';
import { normalizeText } from '../../domain/personal-data.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { badField, notFound } from './errors.js';
import { datetimeArg, one, open311Time, type FormValues } from './form.js';
import { useOpen311Key } from './keys.js';
import { pageOf, windowOf } from './read.js';
import { publicKinds } from './services.js';
import { publishedEvents } from './state-map.js';
import * as store from './store.js';

/** The longest note a partner may push. */
export const NOTE_MAX = 2000;

/** GET servicerequestupdates: the published state changes in a window, oldest first. */
export async function listOpen311Updates(
  ctx: AppContext,
  values: FormValues,
): Promise<Open311Update[]> {
  const window = windowOf(values, ctx.now());
  const rows = await store.listPublicEvents(
    ctx.db,
    { kinds: publicKinds, types: Object.keys(publishedEvents), ...window },
    pageOf(values),
  );
  return rows.flatMap((r) => {
    const published = publishedEvents[r.type];
    return published
      ? [
          {
            update_id: `${r.tracking_code}-${String(r.seq)}`,
            service_request_id: r.tracking_code,
            status: published.status,
            updated_datetime: open311Time(r.at),
            description: published.note,
            media_url: null,
          },
        ]
      : [];
  });
}

async function ticketOfPartner(ctx: AppContext, keyId: string, requestId: string | undefined) {
  if (requestId === undefined) {
    throw badField('service_request_id', '缺少诉求编号', 'service_request_id is required');
  }
  const ticket = await store.findTicketOfTrackingCode(ctx.db, requestId.toUpperCase());
  if (!ticket) {
    throw notFound('service_request_id', '没有该诉求', 'no such request');
  }
  if (ticket.key_id !== keyId) {
    throw new AppError('forbidden', [
      fieldIssue('service_request_id', '只能更新本系统提交的诉求', 'not a request this key filed'),
    ]);
  }
  return ticket;
}

function noteText(values: FormValues): string {
  const text = normalizeText(one(values, 'description') ?? '');
  if (text === '') {
    throw badField('description', '缺少内容', 'description is required');
  }
  if ([...text].length > NOTE_MAX) {
    throw badField('description', `不能超过 ${String(NOTE_MAX)} 字`, `at most ${String(NOTE_MAX)}`);
  }
  return text;
}

/**
 * POST servicerequestupdates: a partner's note on a request its key filed. The partner's own
 * update_id makes a repeat harmless; a status it sends is not applied, because only our
 * officers move a ticket's state.
 */
export async function pushOpen311Update(
  ctx: AppContext,
  values: FormValues,
): Promise<{ update_id: string }> {
  const key = await useOpen311Key(ctx, one(values, 'api_key'));
  const ticket = await ticketOfPartner(ctx, key.id, one(values, 'service_request_id'));
  const text = noteText(values);
  datetimeArg(values, 'updated_datetime');
  const partnerUpdateId = one(values, 'update_id') ?? null;
  if (partnerUpdateId !== null && partnerUpdateId.length > 100) {
    throw badField('update_id', '不能超过 100 个字符', 'at most 100 characters');
  }
  const earlier = partnerUpdateId
    ? await store.findNoteOfPartnerUpdate(ctx.db, key.id, partnerUpdateId)
    : undefined;
  if (earlier) {
    return { update_id: earlier.id };
  }

  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertNote(trx, {
      id,
      ticket_id: ticket.id,
      key_id: key.id,
      description: text,
      partner_update_id: partnerUpdateId,
      created_at: ctx.now().toISOString(),
    });
    await recordAudit(trx, ctx, {
      actorKind: 'system',
      actorId: key.id,
      action: 'open311.note_push',
      recordType: 'ticket',
      recordId: ticket.id,
      detail: { key: key.key_prefix },
    });
  });
  return { update_id: id };
}

/**
 * The partner notes of a ticket, oldest first, for the staff ticket detail only: callers check
 * that the officer may see the ticket; no Open311 answer and no resident page carries them.
 */
export async function partnerNotesOfTicket(
  ctx: AppContext,
  ticketId: string,
): Promise<PartnerNote[]> {
  const rows = await store.listNotesOfTicket(ctx.db, ticketId);
  return rows.map((r) => ({ id: r.id, partner: r.partner, text: r.description, at: r.created_at }));
}
