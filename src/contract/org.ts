import { z } from 'zod';

export const matterSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  prohibitionBasis: z.string(),
  penaltyBasis: z.string(),
  penaltyRange: z.string(),
});
export type Matter = z.infer<typeof matterSchema>;

export const liaisonCardSchema = z.object({
  name: z.string(),
  badgeNo: z.string(),
  workPhone: z.string(),
});

/** What a placard page shows about its building. */
export const placardSchema = z.object({
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
  matters: z.array(matterSchema.pick({ code: true, name: true, nameEn: true })),
  /** The QR code scanned carries a token replaced since (src/server/placards): a notice says so. */
  tokenReplaced: z.boolean(),
});
export type Placard = z.infer<typeof placardSchema>;
