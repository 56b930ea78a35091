import { z } from 'zod';
import type { StaffRole } from './auth.js';
import { instantSchema } from './common.js';
import { outcomes, ratings, ticketStatusSchema } from './tickets.js';

/** Who sees the dashboards: a street admin their street, the bureau and the auditor all. */
export const dashboardRoles: readonly StaffRole[] = ['street_admin', 'bureau_admin', 'auditor'];

/** The longest range a dashboard counts over, in days. */
export const DASHBOARD_RANGE_MAX_DAYS = 731;

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a day as YYYY-MM-DD' });

/** A range of Shanghai calendar days, both included, and optionally one street. */
export const rangeQuerySchema = z.object({
  from: daySchema,
  to: daySchema,
  streetId: z.string().min(1).max(64).optional(),
});
export type RangeQuery = z.infer<typeof rangeQuerySchema>;

export const trendQuerySchema = rangeQuerySchema.extend({
  granularity: z.enum(['week', 'month']).default('week'),
});
export type TrendQuery = z.infer<typeof trendQuerySchema>;

export const trendSchema = z.object({
  granularity: z.enum(['week', 'month']),
  buckets: z.array(
    z.object({
      /** 2026-W05 or 2026-09. */
      label: z.string(),
      from: instantSchema,
      to: instantSchema,
      received: z.number(),
      resolved: z.number(),
    }),
  ),
});
export type Trend = z.infer<typeof trendSchema>;

const countsSchema = z.object({
  received: z.number(),
  resolved: z.number(),
  /** Resolved by the resolve deadline. */
  onTime: z.number(),
});

export const byCommunitySchema = z.object({
  items: z.array(
    countsSchema.extend({
      communityId: z.string(),
      communityName: z.string(),
      streetId: z.string(),
      streetName: z.string(),
    }),
  ),
});
export type ByCommunity = z.infer<typeof byCommunitySchema>;

export const byMatterSchema = z.object({
  items: z.array(
    countsSchema.extend({
      /** Null: no matter was set. */
      matterCode: z.string().nullable(),
      matterName: z.string().nullable(),
    }),
  ),
});
export type ByMatter = z.infer<typeof byMatterSchema>;

/** The resident's verdict (市民认定) and the handler's (承办认定), never added together. */
export const ratingsSchema = z.object({
  resident: z.object({
    ratings: z.array(z.object({ rating: z.enum(ratings), count: z.number() })),
    unrated: z.number(),
    solvedYes: z.number(),
    solvedNo: z.number(),
  }),
  handler: z.object({
    outcomes: z.array(z.object({ outcome: z.enum(outcomes), count: z.number() })),
    assessments: z.array(z.object({ assessment: z.string(), count: z.number() })),
  }),
});
export type Ratings = z.infer<typeof ratingsSchema>;

/** The streets the dashboard's street picker offers: all of them, or a street admin's own. */
export const dashboardStreetsSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type DashboardStreets = z.infer<typeof dashboardStreetsSchema>;

export const overdueQuerySchema = z.object({ streetId: z.string().min(1).max(64).optional() });

export const overdueSchema = z.object({
  total: z.number(),
  byStreet: z.array(z.object({ streetId: z.string(), streetName: z.string(), count: z.number() })),
  /** The longest overdue first, at most OVERDUE_LIST_MAX. */
  items: z.array(
    z.object({
      id: z.string(),
      trackingCode: z.string(),
      status: ticketStatusSchema,
      streetName: z.string(),
      buildingName: z.string(),
      matterCode: z.string().nullable(),
      dueAt: instantSchema,
    }),
  ),
});
export type Overdue = z.infer<typeof overdueSchema>;
export const OVERDUE_LIST_MAX = 100;

/** The tickets behind a bar: of a community, a matter ('none': without one) or a verdict. */
export const recordsQuerySchema = rangeQuerySchema.extend({
  communityId: z.string().min(1).max(64).optional(),
  matterCode: z.string().min(1).max(32).optional(),
  /** The resident's verdict ('unrated': handled, not rated) or the handler's outcome. */
  rating: z.enum([...ratings, 'unrated']).optional(),
  outcome: z.enum(outcomes).optional(),
});
export type RecordsQuery = z.infer<typeof recordsQuerySchema>;
export const RECORDS_MAX = 200;

export const recordsSchema = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      trackingCode: z.string(),
      status: ticketStatusSchema,
      buildingName: z.string(),
      matterCode: z.string().nullable(),
      createdAt: instantSchema,
      resolvedAt: instantSchema.nullable(),
    }),
  ),
});
export type Records = z.infer<typeof recordsSchema>;
