import { z } from 'zod';

export const calendarOverrideSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(['holiday', 'workday']),
  note: z.string().trim().max(100).default(''),
});
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

export const calendarStatusSchema = z.object({
  coveredYears: z.array(z.number()),
  fallbackYears: z.array(z.number()),
  /** Years the package lacks that the bureau entered and confirmed complete. */
  confirmedYears: z.array(z.number()),
  overrides: z.array(calendarOverrideSchema),
});
