// Applications as the resident and the workbench see them: personal data masked, never raw rows.
import type {
  CreditRepairRow,
  ResidentCreditRepair,
  StaffCreditRepair,
} from '../../contract/credit.js';
import {
  isFinished,
  canResubmit,
  missingMaterials,
  requiredMaterials,
  type ApplicantKind,
  type CreditRepairStatus,
  type MaterialItem,
} from '../../domain/credit-repair-machine.js';
import type { CreditClass } from '../../domain/credit-repair.js';
import type { CreditRepairTable } from '../db/schema.js';

type Repair = CreditRepairTable;
type Events = { type: string; at: string; data: string; actor_name: string | null }[];
type Files = { id: string; item: string; round: number }[];

/** A date as letters and texts write it: 2026年6月13日. */
export function chineseDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${String(y)}年${String(m)}月${String(d)}日`;
}

/** How the class is named in letters and texts. */
export const classWords: Record<CreditClass, string> = {
  minor: '轻微失信信息',
  general: '一般失信信息',
  serious: '严重失信信息',
};

function requiredOf(r: Repair): MaterialItem[] {
  return requiredMaterials(r.applicant_kind as ApplicantKind, r.by_agent === 1);
}

function correctionOf(r: Repair) {
  if (!r.correction_at) {
    return null;
  }
  const items = JSON.parse(r.correction_items ?? '[]') as MaterialItem[];
  return { items, note: r.correction_note ?? '', at: r.correction_at };
}

function decisionOf(r: Repair) {
  if (!r.decided_at || !r.decision) {
    return null;
  }
  return {
    result: r.decision as 'accepted' | 'refused',
    reasons: r.reasons ?? '',
    at: r.decided_at,
  };
}

/** The limit our handling works to now, if any. */
export function dueOf(r: Repair, now: Date): CreditRepairRow['due'] {
  if (!r.due_key || !r.due_at) {
    return null;
  }
  return {
    key: r.due_key as 'decision' | 'completion',
    dueAt: r.due_at,
    overdue: now.toISOString() > r.due_at,
    fallback: r.due_fallback === 1,
  };
}

/** The resident's own application, through the private status link. */
export function presentResident(r: Repair, files: Files, events: Events): ResidentCreditRepair {
  const counts = new Map<string, number>();
  for (const f of files) {
    counts.set(f.item, (counts.get(f.item) ?? 0) + 1);
  }
  const status = r.status as CreditRepairStatus;
  return {
    receiptCode: r.receipt_code,
    status,
    decisionNo: r.decision_no,
    creditClass: r.credit_class as CreditClass,
    earliestOn: r.earliest_on,
    publicationLastDay: r.publication_last_day,
    applicantKind: r.applicant_kind as ApplicantKind,
    applicantName: r.applicant_name_masked,
    submittedAt: r.submitted_at,
    required: requiredOf(r),
    materials: [...counts].map(([item, count]) => ({ item: item as MaterialItem, count })),
    correction: correctionOf(r),
    decision: decisionOf(r),
    publicationEndedOn: r.publication_ended_on,
    canResubmit: canResubmit(status),
    letterAvailable: r.decided_at !== null,
    timeline: events.map((e) => ({ type: e.type as never, at: e.at })),
  };
}

/** One row of the workbench list. */
export function presentRow(r: Repair & { street_name: string }, now: Date): CreditRepairRow {
  return {
    id: r.id,
    receiptCode: r.receipt_code,
    status: r.status as CreditRepairStatus,
    decisionNo: r.decision_no,
    creditClass: r.credit_class as CreditClass,
    applicantKind: r.applicant_kind as ApplicantKind,
    applicantName: r.applicant_name_masked,
    street: r.street_name,
    submittedAt: r.submitted_at,
    due: isFinished(r.status as CreditRepairStatus) ? null : dueOf(r, now),
  };
}

/** What the staff page needs besides the application row. */
export interface StaffParts {
  streetName: string;
  caseInfo: StaffCreditRepair['case'];
  files: Files;
  events: Events;
  steps: StaffCreditRepair['steps'];
}

function noteOf(data: string): string | null {
  const parsed = JSON.parse(data) as { note?: unknown };
  return typeof parsed.note === 'string' ? parsed.note : null;
}

/** One application for the workbench, the applicant masked. */
export function presentStaff(r: Repair, p: StaffParts, now: Date): StaffCreditRepair {
  const required = requiredOf(r);
  const items = p.files.map((f) => f.item as MaterialItem);
  return {
    ...presentRow({ ...r, street_name: p.streetName }, now),
    case: p.caseInfo,
    earliestOn: r.earliest_on,
    publicationLastDay: r.publication_last_day,
    byAgent: r.by_agent === 1,
    agentName: r.agent_name_masked,
    idNumber: r.id_masked,
    phone: r.phone_masked,
    commitmentText: r.commitment_text,
    required,
    missing: missingMaterials(required, items),
    files: p.files.map((f) => ({ id: f.id, item: f.item as MaterialItem, round: f.round })),
    correction: correctionOf(r),
    decision: decisionOf(r),
    publicationEndedOn: r.publication_ended_on,
    steps: p.steps,
    timeline: p.events.map((e) => ({
      type: e.type as never,
      at: e.at,
      actor: e.actor_name,
      note: noteOf(e.data),
    })),
  };
}
