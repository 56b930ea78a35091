import { z } from 'zod';
import { instantSchema } from './common.js';
import { educationTopicSchema } from './education.js';
import { matterSchema } from './org.js';

/**
 * A matter as the public sees it: the fields of `matterSchema` (which older clients read) plus
 * who imposes the penalty, whether 城管 handles it, and the related education.
 */
export const publicMatterSchema = matterSchema.extend({
  /** 处罚实施主体; when 城管 does not handle the matter, the body to go to. */
  handlingBody: z.string(),
  handledByChengguan: z.boolean(),
  education: z.string(),
  educationTopic: educationTopicSchema.nullable(),
});
export type PublicMatter = z.infer<typeof publicMatterSchema>;

export const publicMatterListSchema = z.object({ items: z.array(publicMatterSchema) });
export type PublicMatterList = z.infer<typeof publicMatterListSchema>;

/** `?q=`: a substring of the name, English name, code, legal bases or education text. */
export const matterSearchQuerySchema = z.object({
  q: z.string().max(100).optional(),
});
export type MatterSearchQuery = z.infer<typeof matterSearchQuerySchema>;

export const matterCodeParamsSchema = z.object({ code: z.string().min(1).max(40) });

/** A matter as the workbench sees it: retired ones too, with the revision it stands at. */
export const staffMatterSchema = publicMatterSchema.extend({
  sort: z.number(),
  active: z.boolean(),
  revision: z.number(),
  updatedAt: instantSchema,
});
export type StaffMatter = z.infer<typeof staffMatterSchema>;

export const staffMatterListSchema = z.object({ items: z.array(staffMatterSchema) });
export type StaffMatterList = z.infer<typeof staffMatterListSchema>;

/** The fields a revision keeps, in the order the history shows their changes. */
export const revisionFields = [
  'code',
  'name',
  'nameEn',
  'prohibitionBasis',
  'penaltyBasis',
  'penaltyRange',
  'handlingBody',
  'handledByChengguan',
  'education',
  'educationTopic',
  'sort',
  'active',
] as const;
export type RevisionField = (typeof revisionFields)[number];

export const revisionActions = ['seed', 'create', 'edit', 'retire', 'restore'] as const;
export type RevisionAction = (typeof revisionActions)[number];

const snapshotValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One field that differs from the revision before (for revision 1: from nothing). */
export const fieldChangeSchema = z.object({
  field: z.enum(revisionFields),
  before: snapshotValueSchema,
  after: snapshotValueSchema,
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const matterRevisionSchema = z.object({
  revision: z.number(),
  action: z.enum(revisionActions),
  at: instantSchema,
  /** Who made it; null for the seed catalogue and the migration. */
  staff: z.object({ id: z.string(), name: z.string() }).nullable(),
  reason: z.string(),
  changes: z.array(fieldChangeSchema),
});
export type MatterRevision = z.infer<typeof matterRevisionSchema>;

/** One matter with every revision, newest first. */
export const matterHistorySchema = z.object({
  matter: staffMatterSchema,
  revisions: z.array(matterRevisionSchema),
  /** Whether the signed-in officer may change the catalogue (the bureau admin). */
  canEdit: z.boolean(),
});
export type MatterHistory = z.infer<typeof matterHistorySchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Why the catalogue changes; every change needs one. */
export const changeReasonSchema = z.string().trim().min(2).max(500);

/** The texts of a matter, as the bureau admin writes them. */
export const matterTextsSchema = z.object({
  name: text(200),
  nameEn: text(300),
  prohibitionBasis: text(2000),
  penaltyBasis: text(2000),
  penaltyRange: text(2000),
  handlingBody: text(300),
  handledByChengguan: z.boolean(),
  education: z.string().trim().max(2000),
  educationTopic: educationTopicSchema.nullable(),
  sort: z.number().int().min(0).max(100_000).optional(),
});

/** A code: capital letters and digits, parts joined by hyphens (`ZLHL-1`). */
export const matterCodeSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^[A-Z][A-Z0-9]{0,15}(-[A-Z0-9]{1,8}){0,2}$/);

export const createMatterSchema = matterTextsSchema.extend({
  code: matterCodeSchema,
  reason: changeReasonSchema,
});
export type CreateMatter = z.infer<typeof createMatterSchema>;

/** An edit: every text, the revision it was made on (a newer one answers 409), and why. */
export const editMatterSchema = matterTextsSchema.extend({
  baseRevision: z.number().int().min(1),
  reason: changeReasonSchema,
});
export type EditMatter = z.infer<typeof editMatterSchema>;

/** Retiring or restoring a matter. */
export const matterStateChangeSchema = z.object({
  baseRevision: z.number().int().min(1),
  reason: changeReasonSchema,
});
export type MatterStateChange = z.infer<typeof matterStateChangeSchema>;

/** The Chinese and English name of every field a bureau admin fills in, for error messages. */
export const matterFieldNames: Record<string, [string, string]> = {
  code: ['事项编码', 'Matter code'],
  name: ['事项名称', 'Matter name'],
  nameEn: ['英文名称', 'English name'],
  prohibitionBasis: ['管理依据（条款）', 'Prohibition basis (article)'],
  penaltyBasis: ['处罚依据（条款）', 'Penalty basis (article)'],
  penaltyRange: ['处罚幅度', 'Penalty range'],
  handlingBody: ['处罚实施主体', 'Handling body'],
  handledByChengguan: ['是否由城管执法', 'Handled by urban management (chengguan)'],
  education: ['相关普法', 'Related education'],
  educationTopic: ['普法专题', 'Education topic'],
  sort: ['排序', 'Order'],
  baseRevision: ['所依据的版本', 'Base revision'],
  reason: ['修改原因', 'Reason for the change'],
};

/** The mark of a text not yet checked against the street's published 执法事项清单. */
export const unverifiedMark = '待核实';
