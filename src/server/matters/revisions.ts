// A revision keeps the whole matter as it stood after a change; the history shows, for each
// revision, the fields that differ from the one before. Pure functions, no I/O.
import { revisionFields, type FieldChange, type RevisionField } from '../../contract/matters.js';
import type { MatterTable } from '../db/schema.js';

/** A matter as a revision stores it, in the field names of the API. */
export type Snapshot = Record<RevisionField, string | number | boolean | null>;

/** The snapshot of a matter row. */
export function snapshotOf(m: MatterTable): Snapshot {
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
    educationTopic: m.education_topic,
    sort: m.sort,
    active: m.active === 1,
  };
}

/** Reads a stored snapshot; a field missing from an older one counts as null. */
export function parseSnapshot(text: string): Snapshot {
  const raw = JSON.parse(text) as Partial<Snapshot>;
  return Object.fromEntries(revisionFields.map((f) => [f, raw[f] ?? null])) as Snapshot;
}

/** The fields that differ between two snapshots, in the order of revisionFields. */
export function changesBetween(before: Snapshot | null, after: Snapshot): FieldChange[] {
  return revisionFields
    .filter((field) => before === null || before[field] !== after[field])
    .map((field) => ({ field, before: before ? before[field] : null, after: after[field] }));
}
