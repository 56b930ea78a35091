import type { TicketKind, TicketStatus } from '../../contract/tickets.js';
import type { LinkedTicket, Visit, VisitPartner, VisitRow } from '../../contract/visits.js';
import { editableUntil } from '../../domain/field-work-rules.js';
import type { VisitRecord } from './store.js';

/** A ticket row as a visit or meeting lists it. */
export interface LinkedTicketRecord {
  id: string;
  tracking_code: string;
  kind: string;
  status: string;
  matter_code: string | null;
  matter_name: string | null;
  matter_name_en: string | null;
  building_name: string;
}

/** A ticket linked to a visit or meeting, as the record shows it. */
export function presentLinkedTicket(t: LinkedTicketRecord): LinkedTicket {
  return {
    id: t.id,
    trackingCode: t.tracking_code,
    kind: t.kind as TicketKind,
    status: t.status as TicketStatus,
    matter: t.matter_code
      ? {
          code: t.matter_code,
          name: t.matter_name ?? t.matter_code,
          nameEn: t.matter_name_en ?? t.matter_code,
        }
      : null,
    building: t.building_name,
  };
}

/** A visit as one row of a list. */
export function presentVisitRow(v: VisitRecord): VisitRow {
  return {
    id: v.id,
    date: v.visit_date,
    week: v.iso_week,
    liaison: { id: v.liaison_id, name: v.liaison_name, badgeNo: v.liaison_badge ?? '' },
    community: { id: v.community_id, name: v.community_name },
    street: v.street_name,
    partners: JSON.parse(v.partners) as VisitPartner[],
    issueCount: Number(v.issue_count),
    photoCount: Number(v.photo_count),
    createdAt: v.created_at,
  };
}

/** A visit with its notes, photos and tickets, and whether this viewer may still correct it. */
export function presentVisit(
  v: VisitRecord,
  photos: readonly { id: string; width: number; height: number }[],
  tickets: readonly LinkedTicketRecord[],
  canEdit: boolean,
): Visit {
  return {
    ...presentVisitRow(v),
    notes: v.notes,
    photos: photos.map((p) => ({ id: p.id, width: p.width, height: p.height })),
    tickets: tickets.map(presentLinkedTicket),
    recordedBy: { id: v.created_by, name: v.author_name, badgeNo: v.author_badge ?? '' },
    updatedAt: v.updated_at,
    editCount: v.edit_count,
    editableUntil: editableUntil(new Date(v.created_at)).toISOString(),
    canEdit,
  };
}
