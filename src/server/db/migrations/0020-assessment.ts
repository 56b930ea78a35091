import type { Kysely } from 'kysely';
import { DEFAULT_SCHEME_FROM, defaultScheme } from '../../../domain/assessment/defaults.js';

/**
 * The street assessment (实施办法 六(三)): the weights and targets as versions (each edit a new
 * version, none ever changed), seeded with our default version 1; and the exemplary work the
 * bureau recognises (典型培养) with its evidence photos from the files table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_schemes')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    // The first month (YYYY-MM) the version applies to.
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('staff.id'))
    .execute();
  const seed = {
    version: 1,
    effective_from: DEFAULT_SCHEME_FROM,
    body: JSON.stringify(defaultScheme),
    reason: '默认方案 / default scheme',
    created_at: new Date(0).toISOString(),
    created_by: null,
  };
  await (db as Kysely<{ assessment_schemes: typeof seed }>)
    .insertInto('assessment_schemes')
    .values(seed)
    .execute();
  await db.schema
    .createTable('assessment_exemplary')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('recognised_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_exemplary_street')
    .on('assessment_exemplary')
    .columns(['street_id', 'recognised_on'])
    .execute();
  await db.schema
    .createTable('assessment_exemplary_files')
    .addColumn('exemplary_id', 'text', (c) => c.notNull().references('assessment_exemplary.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_exemplary_files_pk', ['exemplary_id', 'file_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assessment_exemplary_files').execute();
  await db.schema.dropTable('assessment_exemplary').execute();
  await db.schema.dropTable('assessment_schemes').execute();
}
