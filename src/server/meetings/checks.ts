// What a meeting record must satisfy before anything is written: participants without phone
// numbers, attending officers of the street, settled tickets of the same community.
import { normalizeText } from '../../domain/personal-data.js';
import { redactPhones } from '../../domain/referral-rules.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import { AppError, fieldIssue } from '../errors.js';
import { visibleTicketId } from '../tickets/service.js';
import { streetOfficers } from '../visits/places.js';
import { checkNoRepeats } from '../visits/record-checks.js';
import * as store from './store.js';

/**
 * The participants as stored: roles and organisations (居委会书记, 物业经理). A mobile number is
 * refused: a meeting record is no place for a person's phone (个人信息保护法 Art 6, 最小必要).
 */
export function checkParticipants(participants: readonly string[]): string[] {
  const normalised = participants.map(normalizeText);
  checkNoRepeats('participants', normalised);
  const withPhone = normalised.findIndex((p) => redactPhones(p) !== p);
  if (withPhone >= 0) {
    throw new AppError('validation_failed', [
      fieldIssue(
        `participants.${withPhone}`,
        '请填写单位或职务，不要填写手机号',
        'name a role or organisation, not a mobile number',
      ),
    ]);
  }
  return normalised;
}

/**
 * Checks the attending officers: active liaisons or street admins of the meeting's street, each
 * once; a liaison who records a meeting names themself among them.
 */
export async function checkAttendingStaff(
  ctx: AppContext,
  actor: StaffActor,
  streetId: string,
  staffIds: readonly string[],
): Promise<void> {
  checkNoRepeats('staffIds', staffIds);
  const officers = new Set((await streetOfficers(ctx, streetId)).map((o) => o.id));
  const unknown = staffIds.findIndex((id) => !officers.has(id));
  if (unknown >= 0) {
    throw new AppError('staff_not_found', [
      fieldIssue(`staffIds.${unknown}`, '不是本街道的执法队员', 'not an officer of this street'),
    ]);
  }
  if (actor.role === 'liaison' && !staffIds.includes(actor.id)) {
    throw new AppError('validation_failed', [
      fieldIssue('staffIds', '请把自己列为出席人员', 'list yourself among those who attended'),
    ]);
  }
}

function settledIssue(index: number) {
  return new AppError('validation_failed', [
    fieldIssue(
      `settledTicketIds.${index}`,
      '不是该社区您可查看的诉求',
      'not a ticket of this community that you can see',
    ),
  ]);
}

/**
 * Checks the tickets a meeting settled: existing tickets of the meeting's community that the
 * actor may see, filed on or before the meeting's day (Asia/Shanghai), each once, and not
 * produced by the same meeting. They are linked only; their state does not change.
 */
export async function checkSettledTickets(
  ctx: AppContext,
  actor: StaffActor,
  place: { communityId: string; meetingDate: string },
  ticketIds: readonly string[],
  producedIds: readonly string[] = [],
): Promise<void> {
  checkNoRepeats('settledTicketIds', ticketIds);
  const found = new Map(
    (await store.findTicketCommunities(ctx.db, ticketIds)).map((t) => [t.id, t]),
  );
  for (const [index, id] of ticketIds.entries()) {
    const ticket = found.get(id);
    // A ticket the meeting produced is linked as produced already.
    if (ticket?.community_id !== place.communityId || producedIds.includes(id)) {
      throw settledIssue(index);
    }
    if (shanghaiDate(new Date(ticket.created_at)) > place.meetingDate) {
      throw new AppError('validation_failed', [
        fieldIssue(
          `settledTicketIds.${index}`,
          '该诉求在会议之后才提交，不能由本次会议化解',
          'this ticket was filed after the meeting, which cannot have settled it',
        ),
      ]);
    }
    await visibleTicketId(ctx, actor, id).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'ticket_not_found'
        ? settledIssue(index)
        : error;
    });
  }
}
