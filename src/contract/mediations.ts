import { z } from 'zod';
import { pageQuerySchema } from './common.js';
import { personText, phoneSchema } from './tickets.js';

// Mediation (调解) of a dispute, opened from a ticket or a visit. 城管 officers assist the
// 居委会人民调解委员会; the agreement, its signatures and its seal belong to the committee
// (《人民调解法》第二条、第二十九条; docs/mediation.md). Parties' names, phones, ID numbers and
// addresses are personal data: every answer below carries them masked only.

/** Who works mediations: the officers. Department and auditor accounts never see one. */
export const mediationRoles = ['liaison', 'street_admin', 'bureau_admin'] as const;

/** What the dispute is about. */
export const disputeTypes = [
  'property_service',
  'greenery',
  'environment',
  'neighbour',
  'renovation',
  'other',
] as const;
export const disputeTypeSchema = z.enum(disputeTypes);
export type DisputeType = z.infer<typeof disputeTypeSchema>;

/** A party's side: 申请人 / 被申请人, or 当事人一方 / 另一方. */
export const partyRoles = ['applicant', 'respondent', 'party_a', 'party_b'] as const;
export const partyRoleSchema = z.enum(partyRoles);
export type PartyRole = z.infer<typeof partyRoleSchema>;

/** The organisation a mediator comes from; only the first is a 人民调解委员会. */
export const mediatorOrgKinds = [
  'people_committee',
  'property_service',
  'owners_committee',
  'urban_management',
] as const;
export const mediatorOrgKindSchema = z.enum(mediatorOrgKinds);
export type MediatorOrgKind = z.infer<typeof mediatorOrgKindSchema>;

/** Where a mediation stands (src/domain/mediation-machine.ts). */
export const mediationStatuses = [
  'open',
  'in_session',
  'agreed_written',
  'agreed_oral',
  'ended_no_agreement',
  'performance_checked',
] as const;
export const mediationStatusSchema = z.enum(mediationStatuses);
export type MediationStatus = z.infer<typeof mediationStatusSchema>;

/** The steps on a mediation; each has its own body. */
export const mediationSteps = [
  'add_session',
  'record_written',
  'record_oral',
  'end',
  'schedule_check',
  'record_check',
  'set_followup',
] as const;
export const mediationStepSchema = z.enum(mediationSteps);
export type MediationStep = z.infer<typeof mediationStepSchema>;

/** What a performance check found (《人民调解法》第三十一条: the committee supervises). */
export const performanceResults = ['performed', 'partly', 'not_performed'] as const;
export const performanceResultSchema = z.enum(performanceResults);
export type PerformanceResult = z.infer<typeof performanceResultSchema>;

/** Where a dispute goes when mediation did not settle it: a department, or an enforcement case. */
export const followupKinds = ['referral', 'case'] as const;
export const followupKindSchema = z.enum(followupKinds);
export type FollowupKind = z.infer<typeof followupKindSchema>;

/** What a mediation was opened from. */
export const mediationSourceKinds = ['ticket', 'visit'] as const;
export const mediationSourceKindSchema = z.enum(mediationSourceKinds);
export type MediationSourceKind = z.infer<typeof mediationSourceKindSchema>;

/** The list filters: unfinished work, everything, a check that is due, or one state. */
export const mediationFilters = [
  'active',
  'all',
  'check_due',
  'open',
  'in_session',
  'agreed_written',
  'agreed_oral',
  'ended_no_agreement',
  'performance_checked',
] as const;
export type MediationFilter = (typeof mediationFilters)[number];

export const MAX_PARTIES = 10;
export const MAX_MEDIATORS = 10;
export const PARTY_NAME_MAX = 60;
export const ADDRESS_MAX = 120;
export const ORG_NAME_MAX = 60;
export const MEDIATION_TEXT_MAX = 4000;
export const MEDIATION_SHORT_MAX = 200;

/** A calendar date in Asia/Shanghai, YYYY-MM-DD. */
export const dateSchema = z.iso.date();

/**
 * A mainland resident ID number (GB 11643): 17 digits and a check character, which must match.
 * Any other identity document is not accepted here.
 */
export const idNumberSchema = z
  .string()
  .regex(/^\d{17}[\dX]$/, { error: '18 characters: 17 digits and a digit or X' })
  .refine(idChecksumOk, { error: 'the check character does not match' });

function idChecksumOk(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

/** A party's or an organisation's name; a run of digits (a phone number) is refused. */
export const partyNameSchema = personText(PARTY_NAME_MAX).refine((s) => !/\d{5}/.test(s), {
  error: 'no numbers in a name',
});

/** One party as the opening form gives it; only what the agreement's 基本情况 needs (Art 29). */
export const partyInputSchema = z.object({
  role: partyRoleSchema,
  name: partyNameSchema,
  phone: phoneSchema.optional(),
  idNumber: idNumberSchema.optional(),
  address: personText(ADDRESS_MAX).optional(),
});
export type PartyInput = z.infer<typeof partyInputSchema>;

/** One mediator; a 城管 officer (urban_management) names their staff account. */
export const mediatorInputSchema = z.object({
  name: personText(30),
  orgKind: mediatorOrgKindSchema,
  orgName: personText(ORG_NAME_MAX),
  staffId: z.string().min(1).max(64).optional(),
});
export type MediatorInput = z.infer<typeof mediatorInputSchema>;

/** Opens a mediation from a ticket or a visit. */
export const openMediationSchema = z.object({
  source: z.object({ kind: mediationSourceKindSchema, id: z.string().min(1).max(64) }),
  disputeType: disputeTypeSchema,
  facts: personText(MEDIATION_TEXT_MAX),
  committeeName: personText(ORG_NAME_MAX),
  parties: z.array(partyInputSchema).min(2).max(MAX_PARTIES),
  mediators: z.array(mediatorInputSchema).min(1).max(MAX_MEDIATORS),
});
export type OpenMediation = z.infer<typeof openMediationSchema>;

const indexesSchema = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(MAX_PARTIES - 1),
  )
  .max(MAX_PARTIES);

/** A session held: when, where, who attended (by their place in the lists), what was said. */
export const addSessionSchema = z.object({
  heldAt: z.iso.datetime({ offset: true }),
  place: personText(MEDIATION_SHORT_MAX),
  attendees: z.object({
    parties: indexesSchema,
    mediators: indexesSchema,
    others: personText(MEDIATION_SHORT_MAX).optional(),
  }),
  notes: personText(MEDIATION_TEXT_MAX),
  /** Art 23: the parties choose whether the session is public. */
  publicSession: z.boolean().default(false),
});
export type AddSession = z.infer<typeof addSessionSchema>;

/** A written agreement (调解协议书), with what Art 29 (二)(三) asks for. */
export const recordWrittenSchema = z.object({
  responsibilities: personText(MEDIATION_TEXT_MAX),
  terms: personText(MEDIATION_TEXT_MAX),
  performanceManner: personText(MEDIATION_SHORT_MAX),
  performanceDeadline: dateSchema,
  signedOn: dateSchema,
  checkOn: dateSchema.optional(),
});
export type RecordWritten = z.infer<typeof recordWrittenSchema>;

/** An oral agreement; the mediator records its content (Art 28), in force when made (Art 30). */
export const recordOralSchema = z.object({
  content: personText(MEDIATION_TEXT_MAX),
  agreedOn: dateSchema,
  performanceDeadline: dateSchema.optional(),
  checkOn: dateSchema.optional(),
});
export type RecordOral = z.infer<typeof recordOralSchema>;

export const followupInputSchema = z.object({
  kind: followupKindSchema,
  id: z.string().min(1).max(64),
});
export type FollowupInput = z.infer<typeof followupInputSchema>;

/** Ends without agreement; the parties were told of other routes (Art 26). */
export const endMediationSchema = z.object({
  reason: personText(MEDIATION_SHORT_MAX * 5),
  routesExplained: z.literal(true),
  followup: followupInputSchema.optional(),
});
export type EndMediation = z.infer<typeof endMediationSchema>;

export const scheduleCheckSchema = z.object({ checkOn: dateSchema });
export type ScheduleCheck = z.infer<typeof scheduleCheckSchema>;

/** What the check found; a note is required unless everything was performed. */
export const recordCheckSchema = z.object({
  result: performanceResultSchema,
  note: personText(MEDIATION_SHORT_MAX * 5).optional(),
});
export type RecordCheck = z.infer<typeof recordCheckSchema>;

export const setFollowupSchema = followupInputSchema;

/** The body of each step. */
export const mediationStepBodies = {
  add_session: addSessionSchema,
  record_written: recordWrittenSchema,
  record_oral: recordOralSchema,
  end: endMediationSchema,
  schedule_check: scheduleCheckSchema,
  record_check: recordCheckSchema,
  set_followup: setFollowupSchema,
} as const;
export type MediationStepInput = {
  [K in MediationStep]: { step: K } & z.infer<(typeof mediationStepBodies)[K]>;
}[MediationStep];

export const mediationListQuerySchema = pageQuerySchema.extend({
  status: z.enum(mediationFilters).default('active'),
  ticketId: z.string().min(1).max(64).optional(),
});
export type MediationListQuery = z.infer<typeof mediationListQuerySchema>;
