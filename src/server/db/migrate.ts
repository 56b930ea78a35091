import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as foundation from './migrations/0001-foundation.js';
import * as audit from './migrations/0002-audit.js';
import * as outbox from './migrations/0003-outbox.js';
import * as ticketHandling from './migrations/0004-ticket-handling.js';
import * as referrals from './migrations/0005-referrals.js';
import * as calendarYears from './migrations/0006-calendar-years.js';
import * as reporterPhoneDigest from './migrations/0007-reporter-phone-digest.js';
import * as ticketMerge from './migrations/0008-ticket-merge.js';
import * as staffMobileReporterName from './migrations/0009-staff-mobile-reporter-name.js';
import * as placards from './migrations/0010-placards.js';
import * as visitsMeetings from './migrations/0011-visits-meetings.js';
import * as mediations from './migrations/0012-mediations.js';
import * as cases from './migrations/0013-cases.js';
import * as buildingFile from './migrations/0014-building-file.js';
import * as matterCatalogue from './migrations/0015-matter-catalogue.js';
import * as education from './migrations/0017-education.js';
import * as suggestionsQa from './migrations/0016-suggestions-qa.js';
import * as creditRepair from './migrations/0018-credit-repair.js';
import * as residentVerification from './migrations/0019-resident-verification.js';
import * as assessment from './migrations/0020-assessment.js';
import * as surveys from './migrations/0021-surveys.js';
import * as open311 from './migrations/0022-open311.js';
import * as cityOps from './migrations/0023-city-ops.js';
import * as staffIdentity from './migrations/0024-staff-identity.js';
import * as performanceIndexes from './migrations/0026-performance-indexes.js';
import * as openTicketIndexes from './migrations/0029-open-ticket-indexes.js';
import * as assessmentTicketCounts from './migrations/0030-assessment-ticket-counts.js';
import * as auditPending from './migrations/0031-audit-pending.js';
import * as ticketsAutovacuum from './migrations/0032-tickets-autovacuum.js';
import { isPostgres } from './dialect.js';

/** Migrations in order; a new one is appended, never edited once released. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-audit': audit,
  '0003-outbox': outbox,
  '0004-ticket-handling': ticketHandling,
  '0005-referrals': referrals,
  '0006-calendar-years': calendarYears,
  '0007-reporter-phone-digest': reporterPhoneDigest,
  '0008-ticket-merge': ticketMerge,
  '0009-staff-mobile-reporter-name': staffMobileReporterName,
  '0010-placards': placards,
  '0011-visits-meetings': visitsMeetings,
  '0012-mediations': mediations,
  '0013-cases': cases,
  '0014-building-file': buildingFile,
  '0015-matter-catalogue': matterCatalogue,
  '0016-suggestions-qa': suggestionsQa,
  '0017-education': education,
  '0018-credit-repair': creditRepair,
  '0019-resident-verification': residentVerification,
  '0020-assessment': assessment,
  '0021-surveys': surveys,
  '0022-open311': open311,
  '0023-city-ops': cityOps,
  '0024-staff-identity': staffIdentity,
  '0026-performance-indexes': performanceIndexes,
  '0029-open-ticket-indexes': openTicketIndexes,
  '0030-assessment-ticket-counts': assessmentTicketCounts,
  '0031-audit-pending': auditPending,
  '0032-tickets-autovacuum': ticketsAutovacuum,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/**
 * The PostgreSQL schema tables are created in. Kysely looks for its migration table in every
 * schema it can see, so it must be told which one is ours when a server hosts several.
 */
async function currentSchema(db: Db): Promise<string | undefined> {
  if (!isPostgres(db)) {
    return undefined;
  }
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return result.rows[0]?.schema;
}

/**
 * Kysely lists the tables of every schema before it migrates; when another schema on the same
 * server is dropped at that moment (another instance or test run), PostgreSQL answers 3F000
 * for a schema that is not ours. Nothing was changed then, so the run is simply tried again.
 */
function isForeignSchemaRace(error: unknown, ours: string | undefined): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return code === '3F000' && ours !== undefined && !message.includes(`"${ours}"`);
}

/**
 * Runs the migrations on one connection of their own. On PostgreSQL that connection has no
 * statement timeout: a request's 15 s (database.ts) would cut short an index built over a
 * district's million tickets, and the start would fail half-way through its migrations.
 */
export async function onMigrationConnection<T>(db: Db, work: (conn: Db) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) {
    return work(db);
  }
  return db.connection().execute(async (conn) => {
    await sql`set statement_timeout = 0`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`reset statement_timeout`.execute(conn);
    }
  });
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return onMigrationConnection(db, migrateAllOn);
}

async function migrateAllOn(db: Db): Promise<string[]> {
  const migrationTableSchema = await currentSchema(db);
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  for (let attempt = 1; ; attempt += 1) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) {
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    }
    if (attempt < 5 && isForeignSchemaRace(error, migrationTableSchema)) {
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`migration ${failed} failed: ${reason}`, { cause: error });
  }
}

/** The migrations' names in order. */
export function migrationNames(): string[] {
  return Object.keys(migrations);
}

/**
 * Brings the schema up to the named migration and no further: the migration tests populate a
 * database at an earlier version before migrating it to the latest.
 */
export async function migrateUpTo(db: Db, name: string): Promise<string[]> {
  const migrationTableSchema = await currentSchema(db);
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  const { error, results } = await migrator.migrateTo(name);
  if (error) {
    throw new Error(`migration to ${name} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
