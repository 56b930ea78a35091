// Corrections of a meeting record by its author within the edit window. The tickets it produced
// stay as filed; the list of tickets it settled may be replaced (links only).
import type { Updateable } from 'kysely';
import type { EditMeeting, Meeting } from '../../contract/meetings.js';
import { MEETING_BACKDATE_DAYS } from '../../domain/field-work-rules.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { MeetingTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import { checkEditable, checkRecordDate } from '../visits/record-checks.js';
import { checkAttendingStaff, checkParticipants, checkSettledTickets } from './checks.js';
import { getMeeting, loadVisibleMeeting } from './service.js';
import * as store from './store.js';

type Record = Awaited<ReturnType<typeof loadVisibleMeeting>>;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The column changes an edit asks for, each checked; the names of the fields that change. */
function changesOf(ctx: AppContext, m: Record, input: EditMeeting) {
  const changes: Updateable<MeetingTable> = {};
  const fields: string[] = [];
  if (input.date !== undefined && input.date !== m.meeting_date) {
    checkRecordDate(input.date, ctx.now(), MEETING_BACKDATE_DAYS);
    changes.meeting_date = input.date;
    fields.push('date');
  }
  const topic = input.topic === undefined ? undefined : normalizeText(input.topic);
  if (topic !== undefined && topic !== m.topic) {
    changes.topic = topic;
    fields.push('topic');
  }
  const outcomes = input.outcomes === undefined ? undefined : normalizeText(input.outcomes);
  if (outcomes !== undefined && outcomes !== m.outcomes) {
    changes.outcomes = outcomes;
    fields.push('outcomes');
  }
  if (input.participants) {
    const participants = checkParticipants(input.participants);
    if (!sameList(participants, JSON.parse(m.participants) as string[])) {
      changes.participants = JSON.stringify(participants);
      fields.push('participants');
    }
  }
  return { changes, fields };
}

/** The lists an edit replaces (attending staff, settled tickets), when they differ. */
async function listsOf(ctx: AppContext, actor: StaffActor, m: Record, input: EditMeeting) {
  const [staff, tickets] = await Promise.all([
    store.listMeetingStaff(ctx.db, [m.id]),
    store.listMeetingTickets(ctx.db, m.id),
  ]);
  let staffIds: readonly string[] | null = null;
  if (
    input.staffIds &&
    !sameList(
      input.staffIds,
      staff.map((s) => s.id),
    )
  ) {
    await checkAttendingStaff(ctx, actor, m.street_id, input.staffIds);
    staffIds = input.staffIds;
  }
  const settledNow = tickets.filter((t) => t.link === 'settled').map((t) => t.id);
  const produced = tickets.filter((t) => t.link === 'produced').map((t) => t.id);
  let settled: readonly string[] | null = null;
  if (input.settledTicketIds && !sameList(input.settledTicketIds, settledNow)) {
    await checkSettledTickets(
      ctx,
      actor,
      { communityId: m.community_id, meetingDate: input.date ?? m.meeting_date },
      input.settledTicketIds,
      produced,
    );
    settled = input.settledTicketIds;
  }
  return { staffIds, settled, produced: produced.length };
}

/**
 * Corrects a meeting's date, topic, participants, attending staff, outcomes or settled tickets:
 * only its author, until 24:00 of the 7th day after it was recorded.
 */
export async function editMeeting(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: EditMeeting,
  requestId: string | null = null,
): Promise<Meeting> {
  const m = await loadVisibleMeeting(ctx, actor, id);
  const now = ctx.now();
  checkEditable(actor, m, now);

  const { changes, fields } = changesOf(ctx, m, input);
  const lists = await listsOf(ctx, actor, m, input);
  const changed = [
    ...fields,
    ...(lists.staffIds ? ['staffIds'] : []),
    ...(lists.settled ? ['settledTicketIds'] : []),
  ];
  if (changed.length === 0) {
    return getMeeting(ctx, actor, m.id);
  }

  await ctx.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const ok = await store.updateMeetingIf(trx, m.id, m.edit_count, {
      ...changes,
      updated_at: at,
      edit_count: m.edit_count + 1,
    });
    if (!ok) {
      throw new AppError('state_conflict');
    }
    if (lists.staffIds) {
      await store.replaceMeetingStaff(trx, m.id, lists.staffIds);
    }
    if (lists.settled) {
      await store.deleteSettledLinks(trx, m.id);
      await store.insertMeetingTickets(trx, m.id, 'settled', lists.settled, lists.produced);
    }
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'meeting.edit',
      recordType: 'meeting',
      recordId: m.id,
      detail: { fields: changed, ...(lists.settled ? { settled: [...lists.settled] } : {}) },
      requestId,
    });
  });
  return getMeeting(ctx, actor, m.id);
}
