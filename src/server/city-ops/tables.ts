// Table types of the city-operations platform (migration 0023).

/** A work order of the platform and the ticket it became. */
export interface CityOpsOrderTable {
  id: string;
  /** The platform's order number (工单编号): one ticket per number. */
  external_id: string;
  ticket_id: string;
  request_hash: string;
  /** The platform's own 办结时限, when it gave one; it governs the ticket's resolve deadline. */
  platform_deadline: string | null;
  received_at: string;
  /** The last timeline seq of the ticket already turned into callbacks. */
  relayed_seq: number;
  /** The last sequence number given to a callback of this order. */
  last_sequence: number;
}

/** One callback owed to the platform, with its delivery state. */
export interface CityOpsMessageTable {
  id: string;
  order_id: string;
  /** 1, 2, 3 … per order: the platform keeps the highest it has seen and drops older ones. */
  sequence: number;
  event: string;
  payload: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
}
