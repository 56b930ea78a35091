import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import * as store from './store.js';

/** Adds a partner department inside the caller's transaction; returns its id. */
export async function addDepartment(
  ex: Kysely<Database> | Transaction<Database>,
  department: { code: string; name: string; isDemo: boolean },
): Promise<string> {
  const id = newId();
  await store.insertDepartment(ex, {
    id,
    code: department.code,
    name: department.name,
    is_demo: department.isDemo ? 1 : 0,
  });
  return id;
}
