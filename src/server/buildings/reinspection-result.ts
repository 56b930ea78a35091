// Writing a re-inspection's result in one transaction: the ticket for a recurrence (through the
// ticket intake, channel 'patrol'), the result and its photos, the building's flag, and the
// audit entries. Everything is read or computed before the transaction opens (on SQLite a read
// through ctx.db inside a transaction would wait for it); inside it only `trx` is used.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { RecordReinspection } from '../../contract/buildings.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { prepareTicket, writeTicket, type PreparedTicket } from '../tickets/intake.js';
import { insertFlag } from './flag-store.js';
import * as store from './reinspection-store.js';
import { findBuilding } from './store.js';

type Loaded = store.ReinspectionRecord;

/** The ticket a recurrence files, computed (deadlines included) before the transaction. */
async function prepareRecurrenceTicket(
  ctx: AppContext,
  actor: StaffActor,
  r: Loaded,
  input: RecordReinspection,
): Promise<PreparedTicket | null> {
  const wanted = input.recurrenceTicket;
  if (input.result !== 'recurred' || !wanted) {
    return null;
  }
  const building = await findBuilding(ctx.db, r.building_id);
  if (!building?.roomId || building.retired_at !== null) {
    throw new AppError('transition_refused', [
      fieldIssue(
        'recurrenceTicket',
        '该楼栋已停用或所在社区没有工作室，不能新建诉求',
        'the building is retired or its community has no room',
      ),
    ]);
  }
  const hash = createHash('sha256')
    .update(JSON.stringify(['reinspection', r.id]))
    .digest('hex');
  return prepareTicket(ctx, {
    kind: wanted.kind,
    matterCode: r.matter_code,
    description: wanted.description,
    photoIds: [],
    channel: 'patrol',
    place: {
      buildingId: building.id,
      roomId: building.roomId,
      streetId: building.streetId,
      communityId: r.community_id,
      retired: false,
    },
    idempotencyKey: null,
    requestHash: hash,
    phone: null,
    submitter: { kind: 'staff', staffId: actor.id },
    firstEventData: { channel: 'patrol', reinspectionId: r.id },
  });
}

async function claim(trx: Transaction<Database>, id: string, photoIds: string[], at: string) {
  const unused = new Set(await store.findUnusedFiles(trx, photoIds));
  const missing = photoIds.findIndex((p) => !unused.has(p));
  if (missing >= 0 || (await store.claimPhotos(trx, id, photoIds, at)) !== photoIds.length) {
    throw new AppError('photo_not_found', [
      fieldIssue(
        `photoIds.${Math.max(missing, 0)}`,
        '照片不存在或已使用',
        'no such photo, or already used',
      ),
    ]);
  }
}

/** Writes the result, its photos, the flag of a recurrence and the ticket for it; audits each. */
export async function writeResult(
  ctx: AppContext,
  actor: StaffActor,
  r: Loaded,
  input: RecordReinspection,
  requestId: string | null,
): Promise<void> {
  const ticket = await prepareRecurrenceTicket(ctx, actor, r, input);
  const at = ctx.now().toISOString();
  const audit = { actorKind: staffActorKind(actor.role), actorId: actor.id, requestId };

  await ctx.db.transaction().execute(async (trx) => {
    if (ticket) {
      await writeTicket(trx, ctx, ticket);
    }
    const changed = await store.recordResultIf(trx, r.id, {
      status: 'done',
      done_on: input.doneOn,
      done_at: at,
      done_by: actor.id,
      result: input.result,
      note: input.note ? normalizeText(input.note) : null,
      recurrence_ticket_id: ticket?.row.id ?? null,
      updated_at: at,
    });
    if (!changed) {
      throw new AppError('state_conflict');
    }
    await claim(trx, r.id, input.photoIds, at);
    const flagged =
      input.result === 'recurred' &&
      (await insertFlag(trx, {
        id: newId(),
        building_id: r.building_id,
        reason: 'recurrence',
        reinspection_id: r.id,
        matter_code: r.matter_code,
        flagged_at: at,
        flagged_by: actor.id,
        cleared_at: null,
        cleared_by: null,
        clear_reason: null,
      }));

    if (ticket) {
      await recordAudit(trx, ctx, {
        ...audit,
        action: 'ticket.submit',
        recordType: 'ticket',
        recordId: ticket.row.id,
        detail: { channel: 'patrol', reinspectionId: r.id },
      });
    }
    await recordAudit(trx, ctx, {
      ...audit,
      action: 'reinspection.record',
      recordType: 'reinspection',
      recordId: r.id,
      detail: {
        result: input.result,
        doneOn: input.doneOn,
        photos: input.photoIds.length,
        ticketId: ticket?.row.id ?? null,
      },
    });
    if (flagged) {
      await recordAudit(trx, ctx, {
        ...audit,
        action: 'building.flag',
        recordType: 'building',
        recordId: r.building_id,
        detail: { reason: 'recurrence', reinspectionId: r.id, matterCode: r.matter_code },
      });
    }
  });
}
