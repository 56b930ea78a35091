// What the public and the workbench see of a matter and of its history.
import type { EducationTopic } from '../../contract/education.js';
import type {
  MatterRevision,
  PublicMatter,
  RevisionAction,
  StaffMatter,
} from '../../contract/matters.js';
import type { MatterTable } from '../db/schema.js';
import { changesBetween, parseSnapshot, type Snapshot } from './revisions.js';

/** A matter as residents read it. */
export function presentPublicMatter(m: MatterTable): PublicMatter {
  return {
    code: m.code,
    name: m.name,
    nameEn: m.name_en,
    prohibitionBasis: m.prohibition_basis,
    penaltyBasis: m.penalty_basis,
    penaltyRange: m.penalty_range,
    handlingBody: m.handling_body,
    handledByChengguan: m.handled_by_chengguan === 1,
    education: m.education,
    educationTopic: m.education_topic as EducationTopic | null,
  };
}

/** A matter as the workbench lists it, with the revision it stands at. */
export function presentStaffMatter(m: MatterTable, revision: number): StaffMatter {
  return {
    ...presentPublicMatter(m),
    sort: m.sort,
    active: m.active === 1,
    revision,
    updatedAt: m.updated_at,
  };
}

/** A stored revision as the store reads it. */
export interface RevisionRow {
  revision: number;
  action: string;
  snapshot: string;
  staff_id: string | null;
  staff_name: string | null;
  reason: string;
  created_at: string;
}

/** Every revision, newest first, each with its changes from the one before. */
export function presentRevisions(rows: readonly RevisionRow[]): MatterRevision[] {
  let before: Snapshot | null = null;
  const revisions: MatterRevision[] = [];
  for (const row of rows) {
    const after = parseSnapshot(row.snapshot);
    revisions.push({
      revision: row.revision,
      action: row.action as RevisionAction,
      at: row.created_at,
      staff: row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '' } : null,
      reason: row.reason,
      changes: changesBetween(before, after),
    });
    before = after;
  }
  return revisions.reverse();
}
