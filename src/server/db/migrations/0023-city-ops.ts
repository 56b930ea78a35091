import type { Kysely } from 'kysely';

/**
 * The city-operations platform (区街城运平台 / 12345, docs/city-operations.md): one row per work
 * order it sent, tied to the ticket it became, and the callbacks owed to it. A callback row is
 * written from the ticket's timeline (the cursor `relayed_seq`), so a change committed to a ticket
 * is never lost on its way out; `(order_id, seq)` is unique, so relaying twice queues nothing
 * twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('city_ops_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_id', 'text', (c) => c.notNull().unique())
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('tickets.id'))
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('platform_deadline', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('relayed_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('city_ops_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('city_ops_orders.id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addUniqueConstraint('city_ops_messages_order_sequence', ['order_id', 'sequence'])
    .execute();
  await db.schema
    .createIndex('city_ops_messages_due')
    .on('city_ops_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
}
