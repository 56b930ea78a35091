import { z } from 'zod';
import { liaisonCardSchema } from './org.js';
import { personText, ticketKindSchema } from './tickets.js';

// The service guide (社区服务导引, 实施办法 四(五)): find the room of one's building, and read what
// each kind of request is for and how long its answer may take.

/** The longest search text, in characters as a person counts them. */
export const GUIDE_QUERY_MAX = 40;

/** The most places one search answers; a broader search is asked to narrow down. */
export const GUIDE_PLACES_LIMIT = 20;

/** A search for a building by its name or address, its community's name, or its room's address. */
export const guidePlacesQuerySchema = z.object({ q: personText(GUIDE_QUERY_MAX) });
export type GuidePlacesQuery = z.infer<typeof guidePlacesQuerySchema>;

/**
 * One building found, with what its placard prints: the community and street, the room with its
 * address and hours, the liaisons' names, badges and work phones (never their mobiles), and the
 * building's resident page.
 */
export const guidePlaceSchema = z.object({
  building: z.object({ name: z.string(), address: z.string() }),
  community: z.object({ name: z.string(), kind: z.enum(['community', 'park']) }),
  street: z.object({ name: z.string() }),
  room: z.object({
    name: z.string(),
    kind: z.enum(['workroom', 'workstation']),
    address: z.string(),
    hours: z.string(),
  }),
  liaisons: z.array(liaisonCardSchema),
  /** The building page a resident reaches by the placard's QR code: /b/{placardToken}. */
  residentPath: z.string(),
});
export type GuidePlace = z.infer<typeof guidePlaceSchema>;

export const guidePlacesSchema = z.object({
  items: z.array(guidePlaceSchema),
  /** More buildings matched than the answer lists. */
  truncated: z.boolean(),
});
export type GuidePlaces = z.infer<typeof guidePlacesSchema>;

/** The working-day limits of one kind of request, as the deadline policy in force sets them. */
export const guideTimeLimitSchema = z.object({
  kind: ticketKindSchema,
  firstContactDays: z.number().int(),
  resolveDays: z.number().int(),
});
export type GuideTimeLimit = z.infer<typeof guideTimeLimitSchema>;

export const guideTimeLimitsSchema = z.object({ items: z.array(guideTimeLimitSchema) });
export type GuideTimeLimits = z.infer<typeof guideTimeLimitsSchema>;
