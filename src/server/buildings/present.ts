// How buildings, flags and re-inspections leave the server: camelCase, codes for the web to
// label, no reporter and no party.
import type { BuildingFlag, BuildingRow, Reinspection } from '../../contract/buildings.js';
import { reinspectionState } from '../../domain/reinspection-rules.js';
import type { ReinspectionRecord } from './reinspection-store.js';
import type { BuildingRecord } from './store.js';

function matter(code: string, name: string | null, nameEn: string | null) {
  return { code, name: name ?? code, nameEn: nameEn ?? code };
}

/** A building's active flag, or null. */
export function presentFlag(b: BuildingRecord): BuildingFlag | null {
  if (!b.flag_reason || !b.flag_since) {
    return null;
  }
  return {
    reason: b.flag_reason,
    since: b.flag_since,
    matter: b.flag_matter_code
      ? matter(b.flag_matter_code, b.flag_matter_name, b.flag_matter_name_en)
      : null,
    reinspectionId: b.flag_reinspection_id,
  };
}

/** A building as one row of the search list. */
export function presentBuildingRow(b: BuildingRecord): BuildingRow {
  return {
    id: b.id,
    name: b.name,
    address: b.address,
    community: b.community_name,
    street: b.street_name,
    retired: b.retired_at !== null,
    flag: presentFlag(b),
  };
}

/** A photo of a re-inspection as an answer names it. */
export interface PhotoRef {
  id: string;
  width: number;
  height: number;
}

/** A re-inspection as the list and the building file show it. */
export function presentReinspection(
  r: ReinspectionRecord,
  photos: readonly PhotoRef[],
  canRecord: boolean,
  now: Date,
): Reinspection {
  const done = r.status === 'done';
  return {
    id: r.id,
    building: {
      id: r.building_id,
      name: r.building_name,
      community: r.community_name,
      street: r.street_name,
    },
    matter: matter(r.matter_code, r.matter_name, r.matter_name_en),
    case: { id: r.case_id, caseNo: r.case_no },
    ticket: { id: r.ticket_id, trackingCode: r.tracking_code },
    closedOn: r.closed_on,
    days: r.days,
    dueOn: r.due_on,
    state: reinspectionState(r.due_on, done, now),
    doneOn: r.done_on,
    doneBy: r.done_by_name ? { name: r.done_by_name, badgeNo: r.done_by_badge } : null,
    result: r.result,
    note: r.note,
    photos: photos.map((p) => ({ id: p.id, width: p.width, height: p.height })),
    recurrenceTicket:
      r.recurrence_ticket_id && r.recurrence_tracking_code
        ? { id: r.recurrence_ticket_id, trackingCode: r.recurrence_tracking_code }
        : null,
    canRecord: canRecord && !done,
  };
}
