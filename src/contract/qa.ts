import { z } from 'zod';
import { instantSchema, pageQuerySchema } from './common.js';
import { personText, ticketMatterSchema } from './tickets.js';

// Published consultations (执法服务咨询): a resolved consultation ticket made into a public
// question and answer, with everything personal removed. A public entry never carries the
// ticket, its tracking code, the building or the reporter.

export const QA_QUESTION_MAX = 1000;
export const QA_ANSWER_MAX = 3000;
export const QA_SEARCH_MAX = 50;

export const qaStatuses = ['published', 'unpublished'] as const;
export const qaStatusSchema = z.enum(qaStatuses);
export type QaStatus = z.infer<typeof qaStatusSchema>;

/** Kinds of personal data the pre-filled draft took out, in the order the draft found them. */
export const redactionKinds = [
  'phone',
  'id_number',
  'email',
  'house_number',
  'name',
  'car_plate',
  'tracking_code',
  'building',
] as const;
export type RedactionKind = (typeof redactionKinds)[number];

/** One public question and answer, as residents read it. */
export const publicQaSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  matter: ticketMatterSchema.nullable(),
  publishedAt: instantSchema,
});
export type PublicQa = z.infer<typeof publicQaSchema>;

export const publicQaQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .refine((s) => [...s].length <= QA_SEARCH_MAX, { error: `at most ${QA_SEARCH_MAX} characters` })
    .optional(),
  matterCode: z.string().trim().min(1).max(32).optional(),
});
export type PublicQaQuery = z.infer<typeof publicQaQuerySchema>;

export const publicQaListSchema = z.object({
  items: z.array(publicQaSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The matters that have published entries, for the filter, with how many each has. */
  matters: z.array(ticketMatterSchema.extend({ count: z.number() })),
});
export type PublicQaList = z.infer<typeof publicQaListSchema>;

/** The text of an entry as the publisher writes it. */
export const qaTextSchema = z.object({
  question: personText(QA_QUESTION_MAX),
  answer: personText(QA_ANSWER_MAX),
  matterCode: z.string().trim().min(1).max(32).nullable(),
});

/** Publishing a resolved consultation: its ticket and the text, personal data removed. */
export const publishQaSchema = qaTextSchema.extend({ ticketId: z.string().min(1).max(64) });
export type PublishQa = z.infer<typeof publishQaSchema>;

/** A correction of an entry's text; absent fields stay as they are. */
export const editQaSchema = qaTextSchema.partial();
export type EditQa = z.infer<typeof editQaSchema>;

/** An entry as staff see it: its state, who published it, and its ticket when they may open it. */
export const staffQaSchema = publicQaSchema.extend({
  status: qaStatusSchema,
  publishedAt: instantSchema.nullable(),
  publishedBy: z.string().nullable(),
  unpublishedAt: instantSchema.nullable(),
  /** The source ticket, only for those who may handle it. */
  ticket: z.object({ id: z.string(), trackingCode: z.string() }).nullable(),
  canManage: z.boolean(),
  updatedAt: instantSchema,
});
export type StaffQa = z.infer<typeof staffQaSchema>;

export const staffQaQuerySchema = pageQuerySchema.extend({
  status: z.enum(['all', ...qaStatuses]).default('all'),
  q: publicQaQuerySchema.shape.q,
});
export type StaffQaQuery = z.infer<typeof staffQaQuerySchema>;

export const staffQaListSchema = z.object({
  items: z.array(staffQaSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type StaffQaList = z.infer<typeof staffQaListSchema>;

/** The pre-filled draft of a consultation's Q&A, and whether the viewer may publish it. */
export const qaDraftSchema = z.object({
  ticketId: z.string(),
  /** Whether the ticket is a resolved consultation this viewer may publish. */
  canPublish: z.boolean(),
  question: z.string(),
  answer: z.string(),
  matterCode: z.string().nullable(),
  /** What the draft took out, so the publisher knows what to check. */
  removed: z.array(z.enum(redactionKinds)),
  /** The entry already made from this ticket, if any. */
  existing: staffQaSchema.nullable(),
});
export type QaDraft = z.infer<typeof qaDraftSchema>;
