// The placard tokens a building had before its QR code was rotated. The organisation feature
// asks here when a scanned token is not any building's current one.
import type { Db } from '../db/database.js';
import { findBuildingOfOldToken } from './point-store.js';

/** The building a replaced placard token belonged to; undefined for any other token. */
export function buildingOfReplacedToken(db: Db, token: string): Promise<string | undefined> {
  return findBuildingOfOldToken(db, token);
}
