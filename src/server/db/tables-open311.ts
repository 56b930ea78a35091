// Table types of the Open311 GeoReport v2 interface (migration 0022).

/** An API key of a partner system: only its SHA-256 is kept. */
export interface Open311KeyTable {
  id: string;
  name: string;
  partner: string;
  key_hash: string;
  key_prefix: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
}

/** What an Open311 POST brought besides the ticket it filed. */
export interface Open311RequestTable {
  ticket_id: string;
  key_id: string;
  token: string | null;
  service_code: string;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  attributes: string;
  contact_enc: string | null;
  created_at: string;
}

/** A note a partner pushed to a request it filed. */
export interface Open311NoteTable {
  id: string;
  ticket_id: string;
  key_id: string;
  description: string;
  partner_update_id: string | null;
  created_at: string;
}
