import { z } from 'zod';
import { pageQuerySchema } from './common.js';
import { MAX_PHOTOS, personText, REASON_MAX } from './tickets.js';

// Enforcement cases (案件, 一般程序): registered from a ticket or a patrol finding, worked through
// 立案 → 调查取证 → 告知 → 决定 → 送达 → 执行 → 结案 (src/domain/case-machine.ts, docs/cases.md).
// Amounts are integer fen; dates the officer enters are Shanghai calendar dates YYYY-MM-DD.

export const caseStatuses = [
  'registered',
  'investigating',
  'notified',
  'decided',
  'delivered',
  'executing',
  'closed',
  'cancelled',
] as const;
export const caseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** Every step of a case after its registration, in button order. */
export const caseSteps = [
  'investigate',
  'notify',
  'record_statement',
  'request_hearing',
  'schedule_hearing',
  'hold_hearing',
  'legal_review',
  'decide',
  'deliver',
  'record_payment',
  'apply_court',
  'follow_up',
  'close',
  'cancel',
] as const;
export const caseStepSchema = z.enum(caseSteps);
export type CaseStep = z.infer<typeof caseStepSchema>;

/** What a case's timeline records: its registration, each step, each batch of evidence. */
export const caseEventTypes = [
  'registered',
  'evidence_added',
  'investigate',
  'notify',
  'record_statement',
  'request_hearing',
  'schedule_hearing',
  'hold_hearing',
  'legal_review',
  'decide',
  'deliver',
  'record_payment',
  'apply_court',
  'follow_up',
  'close',
  'cancel',
] as const;
export type CaseEventType = (typeof caseEventTypes)[number];

/** Who decides: the street office through its 综合行政执法队, or the district bureau. */
export const enforcementBodies = ['street', 'district'] as const;
export type EnforcementBody = (typeof enforcementBodies)[number];

export const partyKinds = ['person', 'organisation'] as const;
export type PartyKindValue = (typeof partyKinds)[number];

/** Where a case came from: an officer's ticket, or a finding on patrol without one. */
export const caseSources = ['ticket', 'patrol'] as const;

export const decisionKinds = ['penalty', 'no_penalty'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/**
 * The clauses of 《行政处罚法》第三十三条: minor and corrected in time without harm (shall not
 * punish); first violation, minor harm, corrected in time (may not punish); no fault proven.
 */
export const nonPenaltyClauses = ['minor_corrected', 'first_minor_corrected', 'no_fault'] as const;
export type NonPenaltyClause = (typeof nonPenaltyClauses)[number];

/** How the party was educated (第三十三条第三款: 应当对当事人进行教育). */
export const educationForms = ['talk', 'written_warning', 'legal_study', 'other'] as const;

/** How a decision reached the party (第六十一条; 公告送达 per 城管条例第二十五条). */
export const deliveryMethods = ['direct', 'post', 'electronic', 'public_notice'] as const;

export const followUpResults = ['corrected', 'not_corrected'] as const;

export const dayUnits = ['calendar', 'working'] as const;
export const dayUnitSchema = z.enum(dayUnits);

/** The time limits a case shows, in the order they come up. */
export const caseLimitKeys = [
  'decision',
  'hearing_request',
  'hearing_notice',
  'delivery',
  'payment',
  'correction',
] as const;
export type CaseLimitKey = (typeof caseLimitKeys)[number];

/**
 * Where a limit stands: running; met in time; done, but late; past and not done; or (a party's
 * window, such as asking for a hearing) closed without being used.
 */
export const limitStates = ['running', 'met', 'late', 'overdue', 'lapsed', 'waived'] as const;
export type LimitState = (typeof limitStates)[number];

export const FACTS_MAX = 2000;
export const PLACE_MAX = 200;
export const CASE_TEXT_MAX = 2000;
export const NAME_MAX = 100;

/** A Shanghai calendar date; the service checks it is a real one. */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// At most 20,000,000 元: stored as a 32-bit integer of fen on both engines.
const fenSchema = z.number().int().min(1).max(2_000_000_000);
const idSchema = z.string().min(1).max(64);
const reason = personText(REASON_MAX);

/** The party of a case; every field is stored encrypted and shown masked. */
export const partyInputSchema = z.object({
  kind: z.enum(partyKinds),
  name: personText(NAME_MAX),
  /** 居民身份证号码 of a person, 统一社会信用代码 of an organisation; checked by the service. */
  idNumber: z.string().trim().min(1).max(40),
  address: personText(PLACE_MAX),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/)
    .optional(),
});
export type PartyInput = z.infer<typeof partyInputSchema>;

/** 立案: from a ticket (ticketId), or from a patrol finding (streetId for the bureau admin). */
export const registerCaseSchema = z.object({
  ticketId: idSchema.optional(),
  streetId: idSchema.optional(),
  body: z.enum(enforcementBodies),
  matterCode: z.string().trim().min(1).max(32),
  place: personText(PLACE_MAX),
  facts: personText(FACTS_MAX),
  party: partyInputSchema,
});
export type RegisterCase = z.infer<typeof registerCaseSchema>;

const penaltyDecision = z.object({
  kind: z.literal('penalty'),
  decidedOn: dateSchema,
  decisionNo: personText(64),
  fineFen: fenSchema,
  /** 情节严重: the matter's higher range applies. */
  serious: z.boolean().default(false),
  note: reason.optional(),
});

const noPenaltyDecision = z.object({
  kind: z.literal('no_penalty'),
  decidedOn: dateSchema,
  decisionNo: personText(64),
  clause: z.enum(nonPenaltyClauses),
  educationForm: z.enum(educationForms),
  educationContent: personText(CASE_TEXT_MAX),
  correctionDueOn: dateSchema,
  followUpOn: dateSchema,
});

/** The body of each step. */
export const caseStepBodies = {
  investigate: z.object({ note: reason.optional() }),
  notify: z.object({
    deliveredOn: dateSchema,
    proposedFineFen: fenSchema,
    hearingRight: z.boolean(),
    summary: personText(CASE_TEXT_MAX),
  }),
  record_statement: z.object({
    text: personText(CASE_TEXT_MAX),
    waivesHearing: z.boolean().default(false),
  }),
  request_hearing: z.object({ requestedOn: dateSchema }),
  schedule_hearing: z.object({
    noticeOn: dateSchema,
    hearingOn: dateSchema,
    place: personText(PLACE_MAX),
  }),
  hold_hearing: z.object({ heldOn: dateSchema, record: personText(CASE_TEXT_MAX) }),
  legal_review: z.object({ approved: z.boolean(), opinion: personText(CASE_TEXT_MAX) }),
  decide: z.discriminatedUnion('kind', [penaltyDecision, noPenaltyDecision]),
  deliver: z.object({ deliveredOn: dateSchema, method: z.enum(deliveryMethods) }),
  record_payment: z.object({ paidOn: dateSchema, receiptNo: personText(64).optional() }),
  apply_court: z.object({ appliedOn: dateSchema, note: reason.optional() }),
  follow_up: z.object({
    checkedOn: dateSchema,
    result: z.enum(followUpResults),
    note: reason,
  }),
  close: z.object({ note: reason.optional() }),
  cancel: z.object({ reason }),
} as const;
export type CaseStepBody<S extends CaseStep> = z.infer<(typeof caseStepBodies)[S]>;

/** Evidence photos with what they show. */
export const addEvidenceSchema = z.object({
  photoIds: z.array(idSchema).min(1).max(MAX_PHOTOS),
  caption: personText(PLACE_MAX),
});

// Strict: an unknown filter key is refused, naming it (RELIABILITY §4 class 14).
export const caseListQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  status: z.enum(['open', 'all', ...caseStatuses]).default('open'),
  due: z.enum(['any', 'overdue']).default('any'),
  ticketId: idSchema.optional(),
});

const timeLimitSchema = z.object({ days: z.number().int().min(1).max(365), unit: dayUnitSchema });

/** The case clock's rules as the bureau sets them (src/domain/case-deadlines.ts). */
export const caseRulesSchema = z.object({
  decision: timeLimitSchema,
  hearingRequest: timeLimitSchema,
  hearingNotice: timeLimitSchema,
  delivery: timeLimitSchema,
  payment: timeLimitSchema,
  surchargeBasisPointsPerDay: z.number().int().min(0).max(10_000),
  legalReview: z.object({
    personFen: fenSchema,
    organisationFen: fenSchema,
    afterHearing: z.boolean(),
  }),
});
export type CaseRulesBody = z.infer<typeof caseRulesSchema>;
