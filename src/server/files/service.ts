import type { Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue, messageOf } from '../errors.js';
import { newId } from '../ids.js';
import { defaultPhotoLimits, PhotoRefused, processPhoto } from './image.js';
import { contentDispositionInline, newStorageKey, safeOriginalName } from './storage.js';
import * as store from './store.js';

/** A photo kept and ready to attach to a ticket. */
export interface UploadedPhoto {
  id: string;
  width: number;
  height: number;
}

/**
 * Takes a resident's photo: decided by content, re-encoded without metadata, stored under a
 * generated name; the original name is kept only as cleaned metadata.
 */
export async function uploadPhoto(
  ctx: AppContext,
  bytes: Buffer,
  originalName: string,
): Promise<UploadedPhoto> {
  let photo;
  try {
    photo = await processPhoto(bytes, defaultPhotoLimits);
  } catch (error) {
    if (error instanceof PhotoRefused) {
      const code = error.reason === 'photo_too_large' ? 'payload_too_large' : error.reason;
      throw new AppError(code, [fieldIssue('file', messageOf[code][0], messageOf[code][1])]);
    }
    throw error;
  }
  const id = newId();
  const key = newStorageKey();
  await ctx.storage.put(key, photo.bytes);
  await store.insertFile(ctx.db, {
    id,
    storage_key: key,
    mime: photo.mime,
    size: photo.bytes.length,
    width: photo.width,
    height: photo.height,
    sha256: photo.sha256,
    original_name: safeOriginalName(originalName),
    created_at: ctx.now().toISOString(),
    attached_at: null,
  });
  return { id, width: photo.width, height: photo.height };
}

/** Attaches uploaded photos to a new ticket; each must exist and not belong to another. */
export async function attachPhotos(
  trx: Transaction<Database>,
  ticketId: string,
  photoIds: string[],
  at: string,
): Promise<void> {
  if (photoIds.length === 0) {
    return;
  }
  const unique = [...new Set(photoIds)];
  const found = new Set((await store.findUnattachedFiles(trx, unique)).map((f) => f.id));
  const missing = photoIds.findIndex((id) => !found.has(id));
  if (missing >= 0 || unique.length !== photoIds.length) {
    const index = missing >= 0 ? missing : photoIds.length - 1;
    throw new AppError('photo_not_found', [
      fieldIssue(`photoIds.${index}`, '照片不存在或已使用', 'no such photo, or already used'),
    ]);
  }
  await store.attachFilesToTicket(trx, ticketId, photoIds, at);
}

/** The photos of a ticket, for presenting. */
export async function ticketPhotos(ctx: AppContext, ticketId: string) {
  const rows = await store.listTicketPhotos(ctx.db, ticketId);
  return rows.map((r) => ({ id: r.id, width: r.width, height: r.height }));
}

/** The bytes of one photo of a ticket and its download header, or photo_not_found. */
export async function readTicketPhoto(ctx: AppContext, ticketId: string, photoId: string) {
  const rows = await store.listTicketPhotos(ctx.db, ticketId);
  const row = rows.find((r) => r.id === photoId);
  const bytes = row ? await ctx.storage.get(row.storage_key) : null;
  if (!row || !bytes) {
    throw new AppError('photo_not_found');
  }
  return { bytes, mime: row.mime, disposition: contentDispositionInline(row.original_name) };
}
