import { z } from 'zod';
import type { StaffRole } from './auth.js';
import { instantSchema } from './common.js';

/** The roles that read the scores: the ranking is shared by every street (docs/assessment.md). */
export const assessmentReaderRoles: readonly StaffRole[] = [
  'street_admin',
  'bureau_admin',
  'auditor',
];

/** The six dimensions of 实施办法 六(三). */
export const dimensionKeys = [
  'complaints',
  'cases',
  'education',
  'digital',
  'satisfaction',
  'exemplary',
] as const;
export const dimensionKeySchema = z.enum(dimensionKeys);
export type DimensionKey = z.infer<typeof dimensionKeySchema>;

/** Every indicator; each belongs to one dimension (src/domain/assessment/indicators.ts). */
export const indicatorKeys = [
  'first_contact_on_time',
  'resolved_on_time',
  'community_tier_share',
  'case_decided_in_limit',
  'education_events',
  'education_attendance',
  'online_channel_share',
  'placard_coverage',
  'visit_compliance',
  'ticket_satisfaction',
  'survey_satisfaction',
  'exemplary_work',
] as const;
export const indicatorKeySchema = z.enum(indicatorKeys);
export type IndicatorKey = z.infer<typeof indicatorKeySchema>;

/** A period: a month 2026-09, a quarter 2026-Q3 or a year 2026 (Asia/Shanghai). */
export const periodKeySchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'period: 2026, 2026-Q3 or 2026-09');

export const periodQuerySchema = z.object({ period: periodKeySchema });
export const drilldownQuerySchema = z.object({
  period: periodKeySchema,
  streetId: z.string().min(1).max(64),
  indicator: indicatorKeySchema,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type DrilldownQuery = z.infer<typeof drilldownQuerySchema>;

export const periodSchema = z.object({ key: z.string(), from: instantSchema, to: instantSchema });

export const indicatorScoreSchema = z.object({
  key: indicatorKeySchema,
  numerator: z.number(),
  denominator: z.number(),
  /** numerator / denominator, to 4 decimals (a ratio, a mean per event, or per month/quarter). */
  value: z.number().nullable(),
  target: z.number(),
  weight: z.number(),
  /** 0–100 to 2 decimals; null without data (denominator 0), and then its weight is left out. */
  score: z.number().nullable(),
});
export type IndicatorScore = z.infer<typeof indicatorScoreSchema>;

export const dimensionScoreSchema = z.object({
  key: dimensionKeySchema,
  weight: z.number(),
  score: z.number().nullable(),
  indicators: z.array(indicatorScoreSchema),
});
export type DimensionScore = z.infer<typeof dimensionScoreSchema>;

export const streetScoreSchema = z.object({
  streetId: z.string(),
  streetName: z.string(),
  rank: z.number().int().nullable(),
  total: z.number().nullable(),
  dimensions: z.array(dimensionScoreSchema),
});
export type StreetScore = z.infer<typeof streetScoreSchema>;

export const scoresSchema = z.object({
  period: periodSchema,
  schemeVersion: z.number().int(),
  streets: z.array(streetScoreSchema),
});
export type Scores = z.infer<typeof scoresSchema>;

/** One record behind a number; which fields are set depends on the indicator. */
export const drilldownRecordSchema = z.object({
  kind: z.enum(['ticket', 'case', 'visit_week', 'event', 'building', 'exemplary']),
  id: z.string(),
  /** The tracking code, case number, week, event title, building name or title. */
  label: z.string(),
  status: z.string().nullable(),
  /** Whether the record counts in the numerator (true) or only in the denominator. */
  counted: z.boolean(),
  times: z.record(z.string(), z.string().nullable()),
  value: z.number().nullable(),
});
export type DrilldownRecord = z.infer<typeof drilldownRecordSchema>;

export const drilldownSchema = z.object({
  period: periodSchema,
  streetId: z.string(),
  indicator: indicatorKeySchema,
  numerator: z.number(),
  denominator: z.number(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  records: z.array(drilldownRecordSchema),
});
export type Drilldown = z.infer<typeof drilldownSchema>;

const weight = z.number().min(0).max(100);
/** Weights and targets; every key present. Targets are ratios 0–1 or counts per month. */
export const schemeBodySchema = z.object({
  dimensions: z.record(dimensionKeySchema, weight),
  indicators: z.record(
    indicatorKeySchema,
    z.object({ weight, target: z.number().positive().max(100_000) }),
  ),
});
export type SchemeBody = z.infer<typeof schemeBodySchema>;

export const schemeVersionSchema = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  createdAt: instantSchema,
  createdBy: z.string().nullable(),
  reason: z.string(),
  body: schemeBodySchema,
});
export type SchemeVersion = z.infer<typeof schemeVersionSchema>;

export const schemeSchema = z.object({
  current: schemeVersionSchema,
  history: z.array(schemeVersionSchema),
});
export type Scheme = z.infer<typeof schemeSchema>;

export const setSchemeSchema = z.object({
  /** The first month the version applies to (YYYY-MM); not a month already past. */
  effectiveFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'effectiveFrom: YYYY-MM'),
  reason: z.string().trim().min(2).max(500),
  body: schemeBodySchema,
});
export type SetScheme = z.infer<typeof setSchemeSchema>;

export const exemplaryInputSchema = z.object({
  streetId: z.string().min(1).max(64),
  title: z.string().trim().min(2).max(100),
  recognisedOn: z.iso.date(),
  description: z.string().trim().min(2).max(2000),
});
export type ExemplaryInput = z.infer<typeof exemplaryInputSchema>;

export const exemplarySchema = z.object({
  id: z.string(),
  streetId: z.string(),
  streetName: z.string(),
  title: z.string(),
  recognisedOn: z.string(),
  description: z.string(),
  evidence: z.array(z.object({ id: z.string(), width: z.number(), height: z.number() })),
  createdAt: instantSchema,
  createdBy: z.string().nullable(),
});
export type Exemplary = z.infer<typeof exemplarySchema>;

export const exemplaryListQuerySchema = z.object({
  period: periodKeySchema.optional(),
  streetId: z.string().min(1).max(64).optional(),
});
export const exemplaryListSchema = z.object({ items: z.array(exemplarySchema) });
