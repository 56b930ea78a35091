import { z } from 'zod';
import {
  caseEventTypes,
  caseLimitKeys,
  caseSources,
  caseStatusSchema,
  caseStepSchema,
  dateSchema,
  dayUnitSchema,
  decisionKinds,
  deliveryMethods,
  educationForms,
  enforcementBodies,
  followUpResults,
  limitStates,
  nonPenaltyClauses,
  partyKinds,
} from './cases.js';
import { instantSchema } from './common.js';
import { photoRefSchema, ticketStatusSchema } from './tickets.js';

// What the workbench reads of enforcement cases (src/contract/cases.ts has the enums and inputs):
// one case with its limits, stages, evidence and timeline, and the rows of the list. The party
// appears only masked, except in the audited reveal.

const staffRef = z.object({ id: z.string(), name: z.string(), badgeNo: z.string().nullable() });

export const fineRangeSchema = z.object({
  partyKind: z.enum(partyKinds),
  circumstance: z.enum(['ordinary', 'serious']),
  minFen: z.number(),
  maxFen: z.number(),
});

/** One time limit of a case as the workbench shows it. */
export const caseLimitSchema = z.object({
  key: z.enum(caseLimitKeys),
  /** Null for a day the decision itself set (the correction deadline). */
  days: z.number().nullable(),
  unit: dayUnitSchema.nullable(),
  /** 'by': the step is due by the last day; 'not_before': the earliest day it may be taken. */
  sense: z.enum(['by', 'not_before']),
  lastDay: dateSchema,
  dueAt: instantSchema,
  doneOn: dateSchema.nullable(),
  state: z.enum(limitStates),
  calendarFallback: z.boolean(),
});
export type CaseLimit = z.infer<typeof caseLimitSchema>;

export const caseTimelineEntrySchema = z.object({
  seq: z.number(),
  type: z.enum(caseEventTypes),
  at: instantSchema,
  actor: z.string().nullable(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type CaseTimelineEntry = z.infer<typeof caseTimelineEntrySchema>;

export const maskedPartySchema = z.object({
  kind: z.enum(partyKinds),
  name: z.string(),
  idNumber: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
});
export type MaskedParty = z.infer<typeof maskedPartySchema>;

/** Earlier cases of the same party and matter: none means a first violation. */
export const partyHistorySchema = z.object({
  firstViolation: z.boolean(),
  earlier: z.array(z.object({ caseNo: z.string(), registeredOn: dateSchema })),
});

export const caseDecisionSchema = z.object({
  kind: z.enum(decisionKinds),
  decidedOn: dateSchema,
  decisionNo: z.string(),
  fineFen: z.number().nullable(),
  serious: z.boolean(),
  /** The matter has no structured range, so the amount was not checked against one. */
  rangeUnchecked: z.boolean(),
  nonPenalty: z
    .object({
      clause: z.enum(nonPenaltyClauses),
      educationForm: z.enum(educationForms),
      educationContent: z.string(),
      correctionDueOn: dateSchema,
      followUpOn: dateSchema,
      checkedOn: dateSchema.nullable(),
      result: z.enum(followUpResults).nullable(),
    })
    .nullable(),
});

export const surchargeSchema = z.object({
  asOf: dateSchema,
  daysLate: z.number(),
  surchargeFen: z.number(),
  totalFen: z.number(),
  capped: z.boolean(),
});

/** One case with everything the workbench shows and the steps this viewer may take. */
export const staffCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  status: caseStatusSchema,
  source: z.enum(caseSources),
  body: z.object({ kind: z.enum(enforcementBodies), name: z.string() }),
  street: z.object({ id: z.string(), name: z.string() }),
  matter: z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    prohibitionBasis: z.string(),
    penaltyBasis: z.string(),
    penaltyRange: z.string(),
    fineRanges: z.array(fineRangeSchema),
  }),
  ticket: z
    .object({ id: z.string(), trackingCode: z.string(), status: ticketStatusSchema })
    .nullable(),
  place: z.string(),
  facts: z.string(),
  party: maskedPartySchema,
  history: partyHistorySchema,
  officer: staffRef,
  registeredAt: instantSchema,
  limits: z.array(caseLimitSchema),
  notice: z
    .object({
      deliveredOn: dateSchema,
      proposedFineFen: z.number(),
      hearingRight: z.boolean(),
      summary: z.string(),
    })
    .nullable(),
  hearing: z.object({
    requestedOn: dateSchema.nullable(),
    noticeOn: dateSchema.nullable(),
    hearingOn: dateSchema.nullable(),
    heldOn: dateSchema.nullable(),
    waived: z.boolean(),
  }),
  legalReview: z.object({
    required: z.boolean(),
    approved: z.boolean().nullable(),
    opinion: z.string().nullable(),
  }),
  decision: caseDecisionSchema.nullable(),
  delivery: z.object({ deliveredOn: dateSchema, method: z.enum(deliveryMethods) }).nullable(),
  payment: z
    .object({
      paidOn: dateSchema.nullable(),
      surcharge: surchargeSchema,
      courtAppliedOn: dateSchema.nullable(),
    })
    .nullable(),
  evidence: z.array(
    photoRefSchema.extend({ caption: z.string(), addedAt: instantSchema, stage: caseStatusSchema }),
  ),
  timeline: z.array(caseTimelineEntrySchema),
  steps: z.array(caseStepSchema),
  closedAt: instantSchema.nullable(),
  ticketReply: z.string().nullable(),
});
export type StaffCase = z.infer<typeof staffCaseSchema>;

export const caseRowSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  status: caseStatusSchema,
  matter: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
  party: z.string(),
  street: z.string(),
  body: z.enum(enforcementBodies),
  trackingCode: z.string().nullable(),
  registeredAt: instantSchema,
  /** The next limit still running or overdue, if any. */
  nextDue: z
    .object({ key: z.enum(caseLimitKeys), lastDay: dateSchema, overdue: z.boolean() })
    .nullable(),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

export const caseListSchema = z.object({
  items: z.array(caseRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type CaseList = z.infer<typeof caseListSchema>;

/** The party's full details, for the officer who writes the 决定书; every reveal is audited. */
export const revealedPartySchema = maskedPartySchema;
