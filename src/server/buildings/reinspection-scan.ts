// The re-inspection scan: it schedules a re-inspection (回头看) for every case that owes one and
// has none, and queues the reminders to the liaisons of the building's room. It runs in the
// ticket housekeeping loop, and the scheduling also runs when a building file or the list is
// read, so a re-inspection exists whether or not the loop has run since the case was closed.
// Both are idempotent: a case has one re-inspection (unique case_id), a reminder one message per
// liaison and stage (the outbox dedupe key), even with two instances scanning at once.
import { endOfShanghaiDay, shanghaiDate } from '../../domain/working-calendar.js';
import {
  closingOwesReinspection,
  reinspectionDueOn,
  reminderStage,
  type ReminderStage,
} from '../../domain/reinspection-rules.js';
import { addDays } from '../../domain/iso-week.js';
import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import { queueMessage } from '../notifications/service.js';
import * as store from './reinspection-store.js';
import { listRoomLiaisons } from './store.js';

type Candidate = Awaited<ReturnType<typeof store.listCandidateCases>>[number];

async function schedule(ctx: AppContext, c: Candidate, now: Date): Promise<boolean> {
  const closedAt = new Date(c.closed_at ?? now.toISOString());
  const days = ctx.reinspection.days;
  const at = now.toISOString();
  const id = newId();
  const dueOn = reinspectionDueOn(closedAt, days);
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await store.insertReinspection(trx, {
      id,
      case_id: c.id,
      ticket_id: c.ticket_id,
      building_id: c.building_id,
      street_id: c.street_id,
      matter_code: c.matter_code,
      closed_on: shanghaiDate(closedAt),
      days,
      due_on: dueOn,
      status: 'due',
      created_at: at,
      updated_at: at,
    });
    if (inserted) {
      const roomId = await store.findRoomOfBuilding(trx, c.building_id);
      await queueReminders(
        trx,
        { id, ticket_id: c.ticket_id, due_on: dueOn, room_id: roomId },
        now,
      );
      await recordAudit(trx, ctx, {
        actorKind: 'system',
        actorId: null,
        action: 'reinspection.schedule',
        recordType: 'reinspection',
        recordId: id,
        detail: { caseId: c.id, buildingId: c.building_id, matterCode: c.matter_code, dueOn, days },
      });
    }
    return inserted;
  });
}

/**
 * Schedules the re-inspections owed by closed cases of the configured matters: due on the
 * Shanghai day of the closing plus REINSPECTION_DAYS, each audited with the system as actor.
 * Returns how many it created.
 */
export async function scheduleReinspections(
  ctx: AppContext,
  now: Date,
  filter: store.CandidateFilter = { all: true },
): Promise<number> {
  const candidates = await store.listCandidateCases(ctx.db, ctx.reinspection.matterCodes, filter);
  let created = 0;
  for (const c of candidates) {
    const owed = closingOwesReinspection({
      status: c.status,
      decisionKind: c.decision_kind,
      checkResult: c.check_result,
      closedAt: c.closed_at,
    });
    if (owed && (await schedule(ctx, c, now))) {
      created += 1;
    }
  }
  return created;
}

/** What a reminder needs to know of a re-inspection not done. */
interface OpenReinspection {
  id: string;
  ticket_id: string;
  due_on: string;
  room_id: string | null;
}

/**
 * Queues the reminder owed now, if any, to each active liaison of the building's room, inside the
 * caller's transaction: one from the day before the due day, one once it is overdue, each once
 * (dedupe key per stage, re-inspection and liaison). The message is addressed through the case's
 * ticket, whose building the text names, with the due day in words.
 */
async function queueReminders(
  trx: Transaction<Database>,
  r: OpenReinspection,
  now: Date,
): Promise<{ stage: ReminderStage | null; queued: number }> {
  const stage = reminderStage(r.due_on, now);
  if (!stage || !r.room_id) {
    return { stage, queued: 0 };
  }
  const event = stage === 'overdue' ? 'reinspection_overdue' : 'reinspection_soon_due';
  let queued = 0;
  for (const liaison of await listRoomLiaisons(trx, r.room_id)) {
    const entry = { ticketId: r.ticket_id, audience: 'staff' as const, staffId: liaison.id };
    const result = await queueMessage(
      trx,
      { ...entry, event, at: now },
      {
        dueAt: endOfShanghaiDay(r.due_on).toISOString(),
        dedupeKey: `${event}:${r.id}:${liaison.id}`,
      },
    );
    queued += result.queued ? 1 : 0;
  }
  return { stage, queued };
}

/** Queues the reminders owed now for every open re-inspection due by tomorrow (Shanghai). */
export async function remindReinspections(
  ctx: AppContext,
  now: Date,
): Promise<{ soonDue: number; overdue: number }> {
  const counts = { soonDue: 0, overdue: 0 };
  const open = await store.listOpenDueBy(ctx.db, addDays(shanghaiDate(now), 1));
  for (const r of open) {
    const { stage, queued } = await ctx.db
      .transaction()
      .execute((trx) => queueReminders(trx, r, now));
    counts[stage === 'overdue' ? 'overdue' : 'soonDue'] += queued;
  }
  return counts;
}

/** One round of the housekeeping loop: schedule what is owed, then remind. */
export async function reinspectionRound(ctx: AppContext, now: Date) {
  const scheduled = await scheduleReinspections(ctx, now);
  const reminded = await remindReinspections(ctx, now);
  return { scheduled, ...reminded };
}
