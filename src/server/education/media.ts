// Pictures and videos of legal education. Pictures go through the photo pipeline of
// src/server/files (sniffed by content, size- and pixel-limited, re-encoded as JPEG without EXIF);
// videos are checked as MP4 with H.264/AAC and kept as uploaded. Both are stored under generated
// names; a file is public only once its item or event is published, staff may preview it before.
import type { Media } from '../../contract/education.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import type { EducationMediaTable } from '../db/schema.js';
import { AppError, fieldIssue, messageOf } from '../errors.js';
import { defaultPhotoLimits, PhotoRefused, processPhoto } from '../files/image.js';
import { newStorageKey, safeOriginalName } from '../files/storage.js';
import { newId } from '../ids.js';
import { mediaUrl } from './markdown.js';
import { canEditEvent, canSeeItem } from './rules.js';
import * as store from './store.js';
import { checkVideo, VideoRefused } from './video.js';

function refusal(code: keyof typeof messageOf, zh?: string, en?: string): AppError {
  const [defaultZh, defaultEn] = messageOf[code];
  return new AppError(code, [fieldIssue('file', zh ?? defaultZh, en ?? defaultEn)]);
}

function presentMedia(row: EducationMediaTable): Media {
  const url = mediaUrl(row.id);
  return {
    id: row.id,
    kind: row.kind,
    url,
    width: row.width,
    height: row.height,
    size: row.size,
    markdown: row.kind === 'image' ? `![](${url})` : url,
  };
}

async function keepMedia(
  ctx: AppContext,
  actor: StaffActor,
  file: Omit<EducationMediaTable, 'id' | 'storage_key' | 'uploaded_by' | 'created_at' | 'sort'>,
  bytes: Buffer,
): Promise<Media> {
  const key = newStorageKey();
  await ctx.storage.put(key, bytes);
  const row: EducationMediaTable = {
    ...file,
    id: newId(),
    storage_key: key,
    uploaded_by: actor.id,
    created_at: ctx.now().toISOString(),
    sort: 0,
  };
  await store.insertMedia(ctx.db, row);
  return presentMedia(row);
}

/** Takes a picture for an item or event through the photo pipeline. */
export async function uploadImage(
  ctx: AppContext,
  actor: StaffActor,
  bytes: Buffer,
  originalName: string,
): Promise<Media> {
  let photo;
  try {
    photo = await processPhoto(bytes, defaultPhotoLimits);
  } catch (error) {
    if (error instanceof PhotoRefused) {
      throw refusal(error.reason === 'photo_too_large' ? 'payload_too_large' : error.reason);
    }
    throw error;
  }
  return keepMedia(
    ctx,
    actor,
    {
      kind: 'image',
      mime: photo.mime,
      size: photo.bytes.length,
      width: photo.width,
      height: photo.height,
      sha256: photo.sha256,
      original_name: safeOriginalName(originalName),
      owner_type: null,
      owner_id: null,
      role: null,
      caption: null,
    },
    photo.bytes,
  );
}

/** The refusal of a video larger than the setting, naming the limit. */
export function videoTooLarge(maxBytes: number): AppError {
  const mb = Math.floor(maxBytes / (1024 * 1024));
  return refusal('payload_too_large', `视频不能超过 ${mb} MB`, `the video may be at most ${mb} MB`);
}

/** Takes a 微视频 or 动漫 file: MP4, H.264 pictures and AAC sound, at most the set size. */
export async function uploadVideo(
  ctx: AppContext,
  actor: StaffActor,
  bytes: Buffer,
  originalName: string,
): Promise<Media> {
  let video;
  try {
    video = await checkVideo(bytes, ctx.education.videoMaxBytes);
  } catch (error) {
    if (error instanceof VideoRefused) {
      throw error.reason === 'payload_too_large'
        ? videoTooLarge(ctx.education.videoMaxBytes)
        : refusal(error.reason);
    }
    throw error;
  }
  return keepMedia(
    ctx,
    actor,
    {
      kind: 'video',
      mime: video.mime,
      size: bytes.length,
      width: video.width,
      height: video.height,
      sha256: video.sha256,
      original_name: safeOriginalName(originalName),
      owner_type: null,
      owner_id: null,
      role: null,
      caption: null,
    },
    bytes,
  );
}

/** Who reads a file: 'public' with a published owner, 'staff' for a preview, else nobody. */
async function audienceOf(
  ctx: AppContext,
  media: EducationMediaTable,
  staff: StaffActor | null,
): Promise<'public' | 'staff' | null> {
  if (media.owner_type === 'item' && media.owner_id) {
    const item = await store.findItem(ctx.db, media.owner_id);
    if (item?.status === 'published') {
      return 'public';
    }
    return item && staff && canSeeItem(staff, item) ? 'staff' : null;
  }
  if (media.owner_type === 'event' && media.owner_id) {
    const event = await store.findEvent(ctx.db, media.owner_id);
    if (event?.published === 1) {
      return 'public';
    }
    return event && staff && canEditEvent(staff, event) ? 'staff' : null;
  }
  return staff && (staff.id === media.uploaded_by || staff.role === 'bureau_admin')
    ? 'staff'
    : null;
}

/** A stored file ready to be served, and to whom. */
export interface ServedMedia {
  bytes: Buffer;
  mime: string;
  sha256: string;
  audience: 'public' | 'staff';
}

/** The bytes of a picture or video the reader may see; anything else is not found. */
export async function readMedia(
  ctx: AppContext,
  id: string,
  staff: StaffActor | null,
): Promise<ServedMedia> {
  const media = await store.findMedia(ctx.db, id);
  const audience = media ? await audienceOf(ctx, media, staff) : null;
  const bytes = media && audience ? await ctx.storage.get(media.storage_key) : null;
  if (!media || !audience || !bytes) {
    throw new AppError('not_found');
  }
  return { bytes, mime: media.mime, sha256: media.sha256, audience };
}
