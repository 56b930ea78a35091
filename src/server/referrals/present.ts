import type {
  DepartmentReferral,
  DepartmentReferralRow,
  DeterminationType,
  StaffReferral,
} from '../../contract/referrals.js';
import type { TicketKind } from '../../contract/tickets.js';
import {
  allowedReferralSteps,
  isReferralOverdue,
  isRepliedLate,
  redactPhones,
} from '../../domain/referral-rules.js';
import type { DepartmentReferralRecord, ReferralRecord } from './store.js';

/** A photo of a referral, as the lists show it. */
export interface ReferralPhoto {
  id: string;
  width: number;
  height: number;
  side: 'request' | 'reply';
}

function date(value: string | null): Date | null {
  return value ? new Date(value) : null;
}

function photosOf(photos: readonly ReferralPhoto[], side: ReferralPhoto['side']) {
  return photos
    .filter((p) => p.side === side)
    .map((p) => ({ id: p.id, width: p.width, height: p.height }));
}

function common(r: ReferralRecord, now: Date) {
  const status = r.status;
  return {
    id: r.id,
    department: { code: r.department_code, name: r.department_name },
    kind: r.kind,
    determinationType: r.determination_type as DeterminationType | null,
    status,
    overdue: isReferralOverdue(status, date(r.reply_due_at), now),
    acceptedAt: r.accepted_at,
    acceptNote: r.accept_note,
    replyText: r.reply_text,
    repliedAt: r.replied_at,
    repliedLate: isRepliedLate(date(r.reply_due_at), date(r.replied_at)),
    sentBy: { name: r.sender_name, badgeNo: r.sender_badge ?? '' },
  };
}

/** A referral as the officers of its ticket see it: delivery, deadlines and the reply. */
export function presentStaffReferral(
  r: ReferralRecord,
  photos: readonly ReferralPhoto[],
  now: Date,
): StaffReferral {
  return {
    ...common(r, now),
    requestText: r.request_text,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    replyDueAt: r.reply_due_at,
    transfer: r.transfer_due_at
      ? { dueAt: r.transfer_due_at, late: r.sent_late === null ? null : r.sent_late === 1 }
      : null,
    delivery: {
      state: r.delivery_state,
      attempts: r.delivery_attempts,
      lastError: r.last_error,
    },
    requestPhotos: photosOf(photos, 'request'),
    replyPhotos: photosOf(photos, 'reply'),
  };
}

function matterOf(r: DepartmentReferralRecord) {
  if (!r.matter_code) {
    return null;
  }
  return {
    code: r.matter_code,
    name: r.matter_name ?? r.matter_code,
    nameEn: r.matter_name_en ?? r.matter_code,
  };
}

function summaryOf(text: string): string {
  const chars = [...text];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text;
}

/**
 * A referral as its department reads it. Every field is named here, from the columns the
 * department view selects; free text is scrubbed of phone numbers (城管条例 Art 26).
 */
export function presentDepartmentReferral(
  r: DepartmentReferralRecord,
  photos: readonly ReferralPhoto[],
  now: Date,
): DepartmentReferral {
  const status = r.status;
  return {
    ...common(r, now),
    requestText: redactPhones(r.request_text),
    sentAt: r.sent_at ?? r.created_at,
    replyDueAt: r.reply_due_at ?? r.created_at,
    room: r.room_name,
    ticket: {
      trackingCode: r.tracking_code,
      kind: r.ticket_kind as TicketKind,
      matter: matterOf(r),
      description: redactPhones(r.description),
      building: { name: r.building_name, address: r.building_address },
      community: r.community_name,
      street: r.street_name,
      receivedAt: r.ticket_created_at,
    },
    requestPhotos: photosOf(photos, 'request'),
    replyPhotos: photosOf(photos, 'reply'),
    steps: allowedReferralSteps(status),
  };
}

/** A referral as one row of its department's list. */
export function presentDepartmentRow(
  r: DepartmentReferralRecord,
  now: Date,
): DepartmentReferralRow {
  const status = r.status;
  return {
    id: r.id,
    kind: r.kind,
    determinationType: r.determination_type as DeterminationType | null,
    status,
    overdue: isReferralOverdue(status, date(r.reply_due_at), now),
    repliedLate: isRepliedLate(date(r.reply_due_at), date(r.replied_at)),
    sentAt: r.sent_at ?? r.created_at,
    replyDueAt: r.reply_due_at ?? r.created_at,
    trackingCode: r.tracking_code,
    building: r.building_name,
    community: r.community_name,
    summary: summaryOf(redactPhones(r.request_text)),
  };
}
