import type { z } from 'zod';

import type { ticketMatterSchema } from '../../contract/tickets';

/** The matter a ticket names, in the chosen language: tickets carry both names. */
export function matterName(locale: string, matter: z.infer<typeof ticketMatterSchema>): string {
  return locale === 'en' ? matter.nameEn || matter.name : matter.name;
}
