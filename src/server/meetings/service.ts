// Community meetings (联席会 / 议事会 / 睦邻会, 实施办法 四（四）): who attended, what was discussed and
// decided, the new tickets filed from it in the same transaction and the existing ones it settled.
import { createHash } from 'node:crypto';
import type {
  CreateMeeting,
  Meeting,
  MeetingList,
  MeetingListQuery,
} from '../../contract/meetings.js';
import { MEETING_BACKDATE_DAYS } from '../../domain/field-work-rules.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { auditFoundIssues, prepareFoundIssues, writeFoundIssues } from '../visits/found-issues.js';
import { recordableCommunities, recordableCommunity, requireRecorder } from '../visits/places.js';
import { canEdit, checkRecordDate } from '../visits/record-checks.js';
import { checkAttendingStaff, checkParticipants, checkSettledTickets } from './checks.js';
import { presentMeeting, presentMeetingRow } from './present.js';
import * as store from './store.js';

/** Which meetings the actor may see; departments and auditors none. */
export async function meetingScope(
  ctx: AppContext,
  actor: StaffActor,
): Promise<store.MeetingScope> {
  if (actor.role === 'bureau_admin') {
    return { all: true };
  }
  if (actor.role === 'street_admin') {
    return { streetId: actor.streetId ?? '-' };
  }
  if (actor.role === 'liaison') {
    const communities = await recordableCommunities(ctx, actor);
    return { staffId: actor.id, communityIds: communities.map((c) => c.id) };
  }
  throw new AppError('forbidden');
}

/** A meeting the actor may see; any other id is not found. */
export async function loadVisibleMeeting(ctx: AppContext, actor: StaffActor, id: string) {
  const m = await store.findMeeting(ctx.db, id);
  if (!m || !(await store.meetingInScope(ctx.db, m.id, await meetingScope(ctx, actor)))) {
    throw new AppError('not_found');
  }
  return m;
}

/** One page of the meetings the actor may see, latest first. */
export async function listMeetings(
  ctx: AppContext,
  actor: StaffActor,
  query: MeetingListQuery,
): Promise<MeetingList> {
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const filter = { kind: query.kind, communityId: query.communityId };
  const scope = await meetingScope(ctx, actor);
  const { rows, total } = await store.listMeetings(ctx.db, scope, filter, page);
  const staff = await store.listMeetingStaff(
    ctx.db,
    rows.map((m) => m.id),
  );
  const items = rows.map((m) =>
    presentMeetingRow(
      m,
      staff.filter((s) => s.meeting_id === m.id),
    ),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** One meeting with its participants, outcomes and tickets. */
export async function getMeeting(ctx: AppContext, actor: StaffActor, id: string): Promise<Meeting> {
  const m = await loadVisibleMeeting(ctx, actor, id);
  const [staff, tickets] = await Promise.all([
    store.listMeetingStaff(ctx.db, [m.id]),
    store.listMeetingTickets(ctx.db, m.id),
  ]);
  return presentMeeting(m, staff, tickets, canEdit(actor, m, ctx.now()));
}

function requestHash(input: CreateMeeting): string {
  const canonical = JSON.stringify([
    input.kind,
    input.date,
    input.communityId,
    normalizeText(input.topic),
    input.participants.map(normalizeText),
    input.staffIds,
    normalizeText(input.outcomes),
    input.issues.map((i) => [i.kind, i.matterCode, i.buildingId, normalizeText(i.description)]),
    input.issues.map((i) => i.photoIds),
    input.settledTicketIds,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

async function replay(ctx: AppContext, actor: StaffActor, key: string, hash: string) {
  const earlier = await store.findMeetingByIdempotencyKey(ctx.db, key);
  if (!earlier) {
    return null;
  }
  if (earlier.request_hash !== hash) {
    throw new AppError('idempotency_conflict', [
      fieldIssue(
        'Idempotency-Key',
        '该幂等键已用于另一份内容',
        'this key was used for another meeting',
      ),
    ]);
  }
  return getMeeting(ctx, actor, earlier.id);
}

/**
 * Records a meeting in a community the actor may record in, held today or up to 30 days back.
 * Issues raised become tickets with channel 'meeting' in the same transaction; settled tickets
 * are linked only. Any wrong item refuses the whole record.
 */
export async function createMeeting(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateMeeting,
  idempotencyKey: string | null,
  requestId: string | null = null,
): Promise<{ meeting: Meeting; created: boolean }> {
  requireRecorder(actor);
  const hash = requestHash(input);
  const key = idempotencyKey ? `${actor.id}:${idempotencyKey}` : null;
  const earlier = key ? await replay(ctx, actor, key, hash) : null;
  if (earlier) {
    return { meeting: earlier, created: false };
  }

  const community = await recordableCommunity(ctx, actor, input.communityId);
  const now = ctx.now();
  checkRecordDate(input.date, now, MEETING_BACKDATE_DAYS);
  const participants = checkParticipants(input.participants);
  await checkAttendingStaff(ctx, actor, community.street_id, input.staffIds);
  await checkSettledTickets(
    ctx,
    actor,
    { communityId: community.id, meetingDate: input.date },
    input.settledTicketIds,
  );
  const id = newId();
  const origin = { channel: 'meeting' as const, meetingId: id };
  const tickets = await prepareFoundIssues(ctx, actor, community, input.issues, origin, now);

  const at = now.toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await store.insertMeeting(trx, {
        id,
        kind: input.kind,
        community_id: community.id,
        street_id: community.street_id,
        meeting_date: input.date,
        topic: normalizeText(input.topic),
        participants: JSON.stringify(participants),
        outcomes: normalizeText(input.outcomes),
        created_by: actor.id,
        created_at: at,
        updated_at: at,
        idempotency_key: key,
        request_hash: hash,
      });
      await store.replaceMeetingStaff(trx, id, input.staffIds);
      const produced = await writeFoundIssues(trx, ctx, tickets);
      await store.insertMeetingTickets(trx, id, 'produced', produced, 0);
      await store.insertMeetingTickets(trx, id, 'settled', input.settledTicketIds, produced.length);
      await auditFoundIssues(trx, ctx, actor, produced, origin, requestId);
      await recordAudit(trx, ctx, {
        actorKind: staffActorKind(actor.role),
        actorId: actor.id,
        action: 'meeting.create',
        recordType: 'meeting',
        recordId: id,
        detail: {
          kind: input.kind,
          communityId: community.id,
          date: input.date,
          staffIds: input.staffIds,
          participants: participants.length,
          produced,
          settled: input.settledTicketIds,
        },
        requestId,
      });
    });
  } catch (error) {
    const raced = key ? await replay(ctx, actor, key, hash).catch(() => null) : null;
    if (raced) {
      return { meeting: raced, created: false };
    }
    throw error;
  }
  return { meeting: await getMeeting(ctx, actor, id), created: true };
}
