// Table types of residents verified by phone for "my requests" (migration 0019).

/** One SMS code sent to a phone: kept as a keyed hash, good once, for 10 minutes, 5 tries. */
export interface ResidentCodeTable {
  id: string;
  /** residentPhoneDigest of the phone (src/server/crypto/phone-digest.ts). */
  phone_digest: string;
  /** HMAC of the row id and the code under the data key; never the code itself. */
  code_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** Wrong codes tried against this one; at 5 it is dead. */
  attempts: number;
}

/** The short session a verified phone opens; the id is the SHA-256 of the cookie's token. */
export interface ResidentSessionTable {
  id: string;
  phone_digest: string;
  created_at: string;
  expires_at: string;
}

/** One counted request of a rate limit: which limit, a keyed hash of whose, and when. */
export interface ResidentRateHitTable {
  id: string;
  bucket: string;
  subject: string;
  at: string;
}
