import { z } from 'zod';
import { instantSchema } from './common.js';
import { personText, REASON_MAX } from './tickets.js';

// Placards (联络牌, 附件2 of the implementation measures): the printed card on every building,
// and its register (DOMAIN §1.4: one entry per placard point with placement and last check).

/** What a field check found: in place and readable, damaged, gone, or showing old contacts. */
export const placardCheckResults = ['ok', 'damaged', 'missing', 'outdated'] as const;
export const placardCheckResultSchema = z.enum(placardCheckResults);
export type PlacardCheckResult = z.infer<typeof placardCheckResultSchema>;

/**
 * Why a placard point needs printing again: it never was, the content or the QR token changed
 * since, or a check after the last print found it damaged, missing or outdated.
 */
export const reprintReasons = [
  'never_printed',
  'content_changed',
  'token_rotated',
  'found_damaged',
  'found_missing',
  'found_outdated',
] as const;
export const reprintReasonSchema = z.enum(reprintReasons);
export type ReprintReason = z.infer<typeof reprintReasonSchema>;

const codeSchema = z.string().trim().min(1).max(64);
const flagSchema = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A community (with its room) or a whole street: exactly one of the two codes. */
export const placardScopeQuerySchema = z.object({
  communityCode: codeSchema.optional(),
  streetCode: codeSchema.optional(),
});
export type PlacardScopeQuery = z.infer<typeof placardScopeQuerySchema>;

/** The register of a scope, filtered and paged; every field optional so access is asked first. */
export const placardRegisterQuerySchema = placardScopeQuerySchema.extend({
  needsReprint: flagSchema.optional(),
  notCheckedDays: z.coerce.number().int().min(1).max(3650).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PlacardRegisterQuery = z.infer<typeof placardRegisterQuerySchema>;

const personRefSchema = z.object({ name: z.string(), badgeNo: z.string() });

/** The last field check of a point. */
export const placardCheckSchema = z.object({
  id: z.string(),
  at: instantSchema,
  result: placardCheckResultSchema,
  note: z.string().nullable(),
  by: personRefSchema.nullable(),
});
export type PlacardCheck = z.infer<typeof placardCheckSchema>;

/** One placard point as the register lists it. */
export const placardPointSchema = z.object({
  id: z.string(),
  pointNo: z.string(),
  placement: z.string(),
  printedAt: instantSchema.nullable(),
  printedBy: personRefSchema.nullable(),
});

/**
 * One row of the register: a placard point, or a building that has none yet (point null). The
 * version is the fingerprint of what the placard would print now; marking printed sends it back.
 */
export const placardRegisterRowSchema = z.object({
  building: z.object({ id: z.string(), code: z.string(), name: z.string(), address: z.string() }),
  community: z.object({ code: z.string(), name: z.string() }),
  point: placardPointSchema.nullable(),
  lastCheck: placardCheckSchema.omit({ id: true }).nullable(),
  reprintReasons: z.array(reprintReasonSchema),
  needsReprint: z.boolean(),
  version: z.string(),
});
export type PlacardRegisterRow = z.infer<typeof placardRegisterRowSchema>;

export const placardScopeSchema = z.object({
  kind: z.enum(['community', 'street']),
  code: z.string(),
  name: z.string(),
});
export type PlacardScope = z.infer<typeof placardScopeSchema>;

export const placardRegisterSchema = z.object({
  scope: placardScopeSchema,
  summary: z.object({
    buildings: z.number(),
    points: z.number(),
    needsReprint: z.number(),
  }),
  items: z.array(placardRegisterRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type PlacardRegister = z.infer<typeof placardRegisterSchema>;

/** The streets and communities whose placards the signed-in officer may see. */
export const placardScopeTreeSchema = z.object({
  streets: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** False for a liaison: they print their own communities only. */
      whole: z.boolean(),
      communities: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
  mayRotate: z.boolean(),
});
export type PlacardScopeTree = z.infer<typeof placardScopeTreeSchema>;

const pointNoSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}\-_/#.]*$/u);
const placementSchema = personText(100);

/** Registers a placard point on a building. */
export const addPlacardPointSchema = z.object({
  buildingId: z.string().min(1).max(64),
  pointNo: pointNoSchema,
  placement: placementSchema,
});
export type AddPlacardPoint = z.infer<typeof addPlacardPointSchema>;

/** Corrects a point's number or placement. */
export const updatePlacardPointSchema = z
  .object({ pointNo: pointNoSchema.optional(), placement: placementSchema.optional() })
  .refine((v) => v.pointNo !== undefined || v.placement !== undefined, {
    error: 'nothing to change',
  });
export type UpdatePlacardPoint = z.infer<typeof updatePlacardPointSchema>;

/** A field check of a point. */
export const recordPlacardCheckSchema = z.object({
  result: placardCheckResultSchema,
  note: personText(REASON_MAX).optional(),
});
export type RecordPlacardCheck = z.infer<typeof recordPlacardCheckSchema>;

export const MAX_MARK_PRINTED = 500;

/** Marks the placards of these buildings printed, each with the version the register showed. */
export const markPrintedSchema = z.object({
  buildings: z
    .array(z.object({ id: z.string().min(1).max(64), version: z.string().min(8).max(64) }))
    .min(1)
    .max(MAX_MARK_PRINTED),
});
export type MarkPrinted = z.infer<typeof markPrintedSchema>;

export const markPrintedResultSchema = z.object({
  buildings: z.number(),
  points: z.number(),
  pointsCreated: z.number(),
});
export type MarkPrintedResult = z.infer<typeof markPrintedResultSchema>;

export const rotateTokenResultSchema = z.object({
  buildingId: z.string(),
  token: z.string(),
  replacedAt: instantSchema,
});
export type RotateTokenResult = z.infer<typeof rotateTokenResultSchema>;

export const placardCheckListSchema = z.object({ items: z.array(placardCheckSchema) });
