/** How Linli talks to the city-operations platform (CITY_OPS_*, docs/city-operations.md). */
export interface CityOpsSettings {
  /** The shared secret of the HMAC-SHA256 signatures both ways; null turns the webhook off. */
  secret: string | null;
  /** Where callbacks go; null keeps them queued until an address is configured. */
  callbackUrl: string | null;
  /** How far a signed timestamp may be from our clock, either way. */
  replayWindowSeconds: number;
  /** Attempts of one callback before it is marked failed. */
  maxAttempts: number;
}

/** Off until a secret is set; 300 s replay window; 12 attempts (about 15 hours of backoff). */
export const defaultCityOpsSettings: CityOpsSettings = {
  secret: null,
  callbackUrl: null,
  replayWindowSeconds: 300,
  maxAttempts: 12,
};
