import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, FileTable } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Records a stored file. */
export async function insertFile(db: Executor, row: Insertable<FileTable>): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

/** Files by id that are not yet attached to anything. */
export function findUnattachedFiles(db: Executor, ids: string[]) {
  return db
    .selectFrom('files')
    .select(['id'])
    .where('id', 'in', ids)
    .where('attached_at', 'is', null)
    .execute();
}

/** Attaches files to a ticket, in the order given. */
export async function attachFilesToTicket(
  db: Executor,
  ticketId: string,
  ids: string[],
  at: string,
): Promise<void> {
  for (const [sort, id] of ids.entries()) {
    await db
      .insertInto('ticket_photos')
      .values({ ticket_id: ticketId, file_id: id, sort })
      .execute();
  }
  if (ids.length > 0) {
    await db.updateTable('files').set({ attached_at: at }).where('id', 'in', ids).execute();
  }
}

/** The photos of a ticket, in order. */
export function listTicketPhotos(db: Executor, ticketId: string) {
  return db
    .selectFrom('ticket_photos')
    .innerJoin('files', 'files.id', 'ticket_photos.file_id')
    .select([
      'files.id',
      'files.width',
      'files.height',
      'files.storage_key',
      'files.mime',
      'files.original_name',
    ])
    .where('ticket_photos.ticket_id', '=', ticketId)
    .orderBy('ticket_photos.sort')
    .execute();
}
