import type { PublicQa, StaffQa } from '../../contract/qa.js';
import type { QaRecord } from './store.js';

function matterOf(r: QaRecord) {
  return r.matter_code
    ? {
        code: r.matter_code,
        name: r.matter_name ?? r.matter_code,
        nameEn: r.matter_name_en ?? r.matter_code,
      }
    : null;
}

/** A published entry as residents read it: question, answer, matter, date; nothing of a ticket. */
export function presentPublicQa(r: QaRecord): PublicQa {
  return {
    id: r.id,
    question: r.question,
    answer: r.answer,
    matter: matterOf(r),
    publishedAt: r.published_at ?? r.created_at,
  };
}

/** An entry as staff see it; the source ticket only for those who may manage the entry. */
export function presentStaffQa(r: QaRecord, canManage: boolean): StaffQa {
  return {
    id: r.id,
    question: r.question,
    answer: r.answer,
    matter: matterOf(r),
    status: r.status,
    publishedAt: r.published_at,
    publishedBy: r.publisher_name,
    unpublishedAt: r.unpublished_at,
    ticket:
      canManage && r.source_ticket_id && r.ticket_code
        ? { id: r.source_ticket_id, trackingCode: r.ticket_code }
        : null,
    canManage,
    updatedAt: r.updated_at,
  };
}
