import { z } from 'zod';
import { ticketKindSchema } from './tickets.js';

/** A deadline policy: working-day limits for a kind, or a kind and matter. */
export const deadlinePolicySchema = z.object({
  kind: ticketKindSchema,
  matterCode: z.string().min(1).max(32).nullable().default(null),
  firstContactDays: z.number().int().min(1).max(60),
  resolveDays: z.number().int().min(1).max(60),
});
export type DeadlinePolicyInput = z.infer<typeof deadlinePolicySchema>;

export const deadlinePolicyRowSchema = deadlinePolicySchema.extend({
  effectiveFrom: z.string(),
  createdBy: z.string().nullable(),
  source: z.enum(['default', 'bureau']),
});

export const deadlinePoliciesSchema = z.object({
  current: z.array(deadlinePolicyRowSchema),
  history: z.array(deadlinePolicyRowSchema),
});
