import { z } from 'zod';
import { instantSchema } from './common.js';
import {
  disputeTypeSchema,
  followupKindSchema,
  mediationSourceKindSchema,
  mediationStatusSchema,
  mediationStepSchema,
  mediatorOrgKindSchema,
  partyRoleSchema,
  performanceResultSchema,
} from './mediations.js';

// What the workbench reads of a mediation. Parties appear masked only (张*, 138****1234); their
// full details are printed into the agreement PDF and nowhere else.

const officerSchema = z.object({ id: z.string(), name: z.string(), badgeNo: z.string() });

/** A party, masked: the name's first character, the phone's ends, the ID number's ends. */
export const maskedPartySchema = z.object({
  index: z.number(),
  role: partyRoleSchema,
  nameMasked: z.string(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  /** Whether an address was given; the address itself is printed only in the agreement. */
  addressGiven: z.boolean(),
});
export type MaskedParty = z.infer<typeof maskedPartySchema>;

export const mediatorSchema = z.object({
  index: z.number(),
  name: z.string(),
  orgKind: mediatorOrgKindSchema,
  orgName: z.string(),
  staff: officerSchema.nullable(),
});
export type Mediator = z.infer<typeof mediatorSchema>;

export const mediationSessionSchema = z.object({
  id: z.string(),
  heldAt: instantSchema,
  place: z.string(),
  attendees: z.object({
    parties: z.array(z.number()),
    mediators: z.array(z.number()),
    others: z.string().nullable(),
  }),
  notes: z.string(),
  publicSession: z.boolean(),
  recordedBy: officerSchema,
  recordedAt: instantSchema,
});
export type MediationSession = z.infer<typeof mediationSessionSchema>;

export const mediationOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('written'),
    responsibilities: z.string(),
    terms: z.string(),
    performanceManner: z.string(),
    performanceDeadline: z.string(),
    signedOn: z.string(),
    /** Art 33: the last day the parties may jointly apply for judicial confirmation. */
    judicialConfirmationLastDay: z.string(),
  }),
  z.object({
    kind: z.literal('oral'),
    content: z.string(),
    agreedOn: z.string(),
    performanceDeadline: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('none'),
    reason: z.string(),
    routesExplained: z.boolean(),
    endedOn: z.string(),
  }),
]);
export type MediationOutcome = z.infer<typeof mediationOutcomeSchema>;

export const performanceCheckSchema = z.object({
  dueOn: z.string(),
  overdue: z.boolean(),
  result: performanceResultSchema.nullable(),
  note: z.string().nullable(),
  checkedAt: instantSchema.nullable(),
  checkedBy: officerSchema.nullable(),
});
export type PerformanceCheck = z.infer<typeof performanceCheckSchema>;

export const followupSchema = z.object({
  kind: followupKindSchema,
  id: z.string(),
  at: instantSchema,
});

/** One mediation as the officers who may see it read it, with the steps they may take now. */
export const mediationSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: mediationStatusSchema,
  source: z.object({
    kind: mediationSourceKindSchema,
    id: z.string(),
    /** The ticket's tracking code, for a mediation opened from a ticket. */
    trackingCode: z.string().nullable(),
  }),
  disputeType: disputeTypeSchema,
  facts: z.string(),
  committeeName: z.string(),
  place: z.object({ street: z.string(), community: z.string() }),
  parties: z.array(maskedPartySchema),
  mediators: z.array(mediatorSchema),
  sessions: z.array(mediationSessionSchema),
  outcome: mediationOutcomeSchema.nullable(),
  check: performanceCheckSchema.nullable(),
  followup: followupSchema.nullable(),
  openedAt: instantSchema,
  openedBy: officerSchema,
  updatedAt: instantSchema,
  steps: z.array(mediationStepSchema),
});
export type Mediation = z.infer<typeof mediationSchema>;

/** One row of the mediation list. */
export const mediationRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: mediationStatusSchema,
  disputeType: disputeTypeSchema,
  community: z.string(),
  street: z.string(),
  partiesMasked: z.array(z.string()),
  openedAt: instantSchema,
  checkDueOn: z.string().nullable(),
  checkOverdue: z.boolean(),
});
export type MediationRow = z.infer<typeof mediationRowSchema>;

export const mediationListSchema = z.object({
  items: z.array(mediationRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type MediationList = z.infer<typeof mediationListSchema>;
