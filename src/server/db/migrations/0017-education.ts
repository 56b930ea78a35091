import type { Kysely } from 'kysely';

/**
 * Legal education (普法宣传教育): items (articles, 图解, 微视频, 动漫, 典型案例) with their review
 * lifecycle and view count, events (讲座, 7·15 开放日, 场景宣教) with an attendance number, and the
 * pictures and videos of both. Media rows belong to at most one item or event; until attached they
 * are visible only to staff, and become public only with a published owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('education_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    // Markdown source; the HTML is rendered on each read, so a safer renderer applies at once.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('matter_code', 'text', (c) => c.references('matters.code'))
    // The author's street, whose admin reviews; null for an item of the bureau.
    .addColumn('street_id', 'text', (c) => c.references('streets.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('reviewer_id', 'text', (c) => c.references('staff.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('case_facts', 'text')
    .addColumn('case_handling', 'text')
    .addColumn('case_legal_basis', 'text')
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('education_items_public')
    .on('education_items')
    .columns(['status', 'topic', 'published_at'])
    .execute();
  await db.schema
    .createIndex('education_items_author')
    .on('education_items')
    .columns(['author_id', 'updated_at'])
    .execute();
  await db.schema
    .createTable('education_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.references('streets.id'))
    .addColumn('community_id', 'text', (c) => c.references('communities.id'))
    .addColumn('attendance', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('education_events_public')
    .on('education_events')
    .columns(['published', 'event_date'])
    .execute();
  await db.schema
    .createTable('education_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // 'item' or 'event' once attached; the role says where it shows: body, slide, video,
    // poster (of an item) or photo (of an event).
    .addColumn('owner_type', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('role', 'text')
    .addColumn('caption', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('education_media_owner')
    .on('education_media')
    .columns(['owner_type', 'owner_id', 'sort'])
    .execute();
}
