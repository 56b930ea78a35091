import type { TicketStatus, Tier } from '../../contract/tickets.js';
import type { TicketFacts } from '../../domain/ticket-machine.js';

/** The columns the state machine reads. */
export interface FactsRow {
  status: string;
  tier: string;
  extension_requested_at: string | null;
  supervised_at: string | null;
  reopen_count: number;
}

/** What the state machine needs to know of a stored ticket. */
export function factsOf(row: FactsRow): TicketFacts {
  return {
    status: row.status as TicketStatus,
    tier: row.tier as Tier,
    extensionPending: row.extension_requested_at !== null,
    supervised: row.supervised_at !== null,
    reopenCount: row.reopen_count,
  };
}
