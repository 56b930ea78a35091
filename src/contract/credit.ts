import { z } from 'zod';
import { instantSchema, pageQuerySchema } from './common.js';
import { personText, phoneSchema, REASON_MAX } from './tickets.js';

/** 轻微 / 一般 / 严重 失信信息 (国家发展改革委令第36号). */
export const creditClasses = ['minor', 'general', 'serious'] as const;
export const creditClassSchema = z.enum(creditClasses);
export type CreditClassValue = z.infer<typeof creditClassSchema>;

export const applicantKinds = ['person', 'organisation'] as const;

/** The items of the materials checklist (src/domain/credit-repair-machine.ts). */
export const materialItems = [
  'application_form',
  'commitment_letter',
  'identity',
  'business_licence',
  'legal_representative',
  'authorization',
  'performance_proof',
] as const;
export const materialItemSchema = z.enum(materialItems);

export const creditRepairStatuses = [
  'submitted',
  'correction_requested',
  'resubmitted',
  'accepted',
  'refused',
  'completed',
] as const;
export const creditRepairStatusSchema = z.enum(creditRepairStatuses);

export const creditRepairSteps = ['request_correction', 'accept', 'refuse', 'complete'] as const;
export type CreditRepairStepName = (typeof creditRepairSteps)[number];

/** Why an application cannot be made now. */
export const repairBlockers = ['too_early', 'obligation_unmet', 'publication_ended'] as const;

/** The events of an application's timeline. */
export const creditEventTypes = [
  'submitted',
  'correction_requested',
  'resubmitted',
  'accepted',
  'refused',
  'completed',
] as const;

/**
 * The 信用修复承诺 the applicant agrees to (令第36号: a public 信用承诺 is a condition of repair);
 * stored with the application as agreed.
 */
export const creditCommitmentText = `本人（本单位）郑重承诺：已纠正失信行为、履行完毕行政处罚决定规定的义务；所提交的材料真实、合法、有效；自觉遵守法律法规，诚信守法经营、生活。如有虚假，愿意承担相应法律责任，并同意将本承诺向社会公开。`;

export const DECISION_NO_MAX = 64;
/** The most files one application or one 补正 round carries. */
export const MAX_MATERIAL_FILES = 20;

const identityNumber = z.string().trim().min(1).max(40);
const decisionNo = z.string().trim().min(1).max(DECISION_NO_MAX);

/** The check: the decision number and the party's ID number or 统一社会信用代码. */
export const creditCheckSchema = z.object({
  decisionNo,
  idNumber: identityNumber,
});
export type CreditCheck = z.infer<typeof creditCheckSchema>;

/** What the check tells: the class and the dates, nothing else of the case. */
export const creditStandingSchema = z.object({
  creditClass: creditClassSchema,
  earliestOn: z.string(),
  publicationLastDay: z.string(),
  blockers: z.array(z.enum(repairBlockers)),
});
export type CreditStanding = z.infer<typeof creditStandingSchema>;

/** One uploaded file for a checklist item (uploaded first through /api/public/photos). */
export const materialUploadSchema = z.object({
  item: materialItemSchema,
  photoId: z.string().min(1).max(64),
});

/** The application form. */
export const creditApplicationSchema = z.object({
  decisionNo,
  idNumber: identityNumber,
  applicantKind: z.enum(applicantKinds),
  applicantName: personText(100),
  phone: phoneSchema,
  byAgent: z.boolean().default(false),
  agentName: personText(30).optional(),
  commitmentAgreed: z.boolean(),
  materials: z.array(materialUploadSchema).min(1).max(MAX_MATERIAL_FILES),
});
export type CreditApplication = z.infer<typeof creditApplicationSchema>;

/** The receipt: the code to read aloud and the private status link's token. */
export const creditReceiptSchema = z.object({
  receiptCode: z.string(),
  accessToken: z.string(),
  status: creditRepairStatusSchema,
  decideDueOn: z.string().nullable(),
});
export type CreditReceipt = z.infer<typeof creditReceiptSchema>;

/** The 补正 upload of the items asked for. */
export const creditResubmitSchema = z.object({
  materials: z.array(materialUploadSchema).min(1).max(MAX_MATERIAL_FILES),
});

const correctionSchema = z.object({
  items: z.array(materialItemSchema),
  note: z.string(),
  at: instantSchema,
});

const decisionSchema = z.object({
  result: z.enum(['accepted', 'refused']),
  reasons: z.string(),
  at: instantSchema,
});

/** What the resident's status page shows: their own application, the name masked. */
export const residentCreditRepairSchema = z.object({
  receiptCode: z.string(),
  status: creditRepairStatusSchema,
  decisionNo: z.string(),
  creditClass: creditClassSchema,
  earliestOn: z.string(),
  publicationLastDay: z.string(),
  applicantKind: z.enum(applicantKinds),
  applicantName: z.string(),
  submittedAt: instantSchema,
  required: z.array(materialItemSchema),
  materials: z.array(z.object({ item: materialItemSchema, count: z.number().int() })),
  correction: correctionSchema.nullable(),
  decision: decisionSchema.nullable(),
  publicationEndedOn: z.string().nullable(),
  canResubmit: z.boolean(),
  letterAvailable: z.boolean(),
  timeline: z.array(z.object({ type: z.enum(creditEventTypes), at: instantSchema })),
});
export type ResidentCreditRepair = z.infer<typeof residentCreditRepairSchema>;

/** A limit of our handling, as the workbench shows it. */
export const creditDueSchema = z.object({
  key: z.enum(['decision', 'completion']),
  dueAt: instantSchema,
  overdue: z.boolean(),
  /** The calendar of a year in the count is not known: counted on weekends only. */
  fallback: z.boolean(),
});

/** One row of the workbench list. */
export const creditRepairRowSchema = z.object({
  id: z.string(),
  receiptCode: z.string(),
  status: creditRepairStatusSchema,
  decisionNo: z.string(),
  creditClass: creditClassSchema,
  applicantKind: z.enum(applicantKinds),
  applicantName: z.string(),
  street: z.string(),
  submittedAt: instantSchema,
  due: creditDueSchema.nullable(),
});
export type CreditRepairRow = z.infer<typeof creditRepairRowSchema>;

export const creditRepairListSchema = z.object({
  items: z.array(creditRepairRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CreditRepairList = z.infer<typeof creditRepairListSchema>;

export const creditListFilters = [
  'open',
  'all',
  'submitted',
  'correction_requested',
  'resubmitted',
  'accepted',
  'refused',
  'completed',
] as const;
export const creditListQuerySchema = pageQuerySchema.extend({
  status: z.enum(creditListFilters).default('open'),
});
export type CreditListQuery = z.infer<typeof creditListQuerySchema>;

/** One application as staff see it: the applicant masked, the materials with their files. */
export const staffCreditRepairSchema = creditRepairRowSchema.extend({
  case: z.object({
    id: z.string(),
    caseNo: z.string(),
    decidedOn: z.string(),
    fineFen: z.number().int().nullable(),
    paidOn: z.string().nullable(),
    body: z.string(),
  }),
  earliestOn: z.string(),
  publicationLastDay: z.string(),
  byAgent: z.boolean(),
  agentName: z.string().nullable(),
  idNumber: z.string(),
  phone: z.string(),
  commitmentText: z.string(),
  required: z.array(materialItemSchema),
  missing: z.array(materialItemSchema),
  files: z.array(z.object({ id: z.string(), item: materialItemSchema, round: z.number().int() })),
  correction: correctionSchema.nullable(),
  decision: decisionSchema.nullable(),
  publicationEndedOn: z.string().nullable(),
  steps: z.array(z.enum(creditRepairSteps)),
  timeline: z.array(
    z.object({
      type: z.enum(creditEventTypes),
      at: instantSchema,
      actor: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type StaffCreditRepair = z.infer<typeof staffCreditRepairSchema>;

const reasons = personText(1000);

/** The body of each staff step. */
export const creditStepBodies = {
  request_correction: z.object({
    items: z.array(materialItemSchema).min(1).max(materialItems.length),
    note: personText(REASON_MAX),
  }),
  accept: z.object({ reasons, correctionConfirmed: z.boolean() }),
  refuse: z.object({ reasons }),
  complete: z.object({ publicationEndedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
} as const;

/** A decided case's credit standing on the case page, with who set its class. */
export const caseCreditSchema = z.object({
  applicable: z.boolean(),
  standing: creditStandingSchema.nullable(),
  decidedOn: z.string().nullable(),
  defaultClass: creditClassSchema.nullable(),
  override: z.object({ reason: z.string(), at: instantSchema, by: z.string() }).nullable(),
  canSetClass: z.boolean(),
  applications: z.number().int(),
});
export type CaseCredit = z.infer<typeof caseCreditSchema>;

export const setCreditClassSchema = z.object({
  creditClass: creditClassSchema,
  reason: personText(REASON_MAX),
});
