// Education events (宣传活动): 专题讲座, 7·15 公众开放日, 场景宣教 (实施办法 三（一）、三（二）), each with
// its place, date, an attendance number the officer counted (no list of people) and photos.
// Officers record them; a reviewer of the street publishes them to the public list.
import type { StaffEvent, StaffEventList, WriteEventInput } from '../../contract/education.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { recordableCommunities } from '../visits/places.js';
import { presentStaffEvent } from './present.js';
import { canEditEvent, canPublishEvent, educationRoles } from './rules.js';
import * as store from './store.js';

function requireEducationRole(actor: StaffActor): void {
  if (!educationRoles.includes(actor.role)) {
    throw new AppError('forbidden');
  }
}

/** The street of an event: the community's, else the actor's own (none for the bureau). */
async function placeOf(ctx: AppContext, actor: StaffActor, communityId: string | null) {
  if (!communityId) {
    return { streetId: actor.role === 'bureau_admin' ? null : actor.streetId, communityId: null };
  }
  const community = (await recordableCommunities(ctx, actor)).find((c) => c.id === communityId);
  if (!community) {
    throw new AppError('validation_failed', [
      fieldIssue('communityId', '不是您负责的社区', 'not a community you are responsible for'),
    ]);
  }
  return { streetId: community.street_id, communityId: community.id };
}

async function checkPhotos(
  ctx: AppContext,
  actor: StaffActor,
  photoIds: readonly string[],
  eventId: string | null,
) {
  const rows = new Map((await store.findMediaByIds(ctx.db, photoIds)).map((r) => [r.id, r]));
  const bad = photoIds.findIndex((id, i) => {
    const row = rows.get(id);
    const free = row?.owner_type === null && row.uploaded_by === actor.id;
    const ours = row?.owner_type === 'event' && row.owner_id === eventId;
    return row?.kind !== 'image' || !(free || ours) || photoIds.indexOf(id) !== i;
  });
  if (bad >= 0) {
    throw new AppError('photo_not_found', [
      fieldIssue(`photoIds.${bad}`, '照片不存在或已使用', 'no such photo, or already used'),
    ]);
  }
  return photoIds.map((id) => ({ id, role: 'photo' as const, caption: null }));
}

function refusePublish(): AppError {
  return new AppError('forbidden', [
    fieldIssue(
      'published',
      '只有街道或区局管理员可以公开活动',
      'only an admin may publish an event',
    ),
  ]);
}

/** One event as the workbench shows it. */
export async function getEvent(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<StaffEvent> {
  requireEducationRole(actor);
  const event = await store.findEvent(ctx.db, id);
  if (!event || !canEditEvent(actor, event)) {
    throw new AppError('not_found');
  }
  const media = await store.listOwnerMedia(ctx.db, 'event', id);
  return presentStaffEvent(event, media, actor);
}

/** One page of the events the actor may see, latest first. */
export async function listStaffEvents(
  ctx: AppContext,
  actor: StaffActor,
  page: { page: number; pageSize: number },
): Promise<StaffEventList> {
  requireEducationRole(actor);
  const scope: store.StaffScope =
    actor.role === 'bureau_admin'
      ? { all: true }
      : actor.role === 'street_admin'
        ? { streetId: actor.streetId ?? '-' }
        : { authorId: actor.id };
  const window = { limit: page.pageSize, offset: (page.page - 1) * page.pageSize };
  const { rows, total } = await store.listEvents(ctx.db, scope, window);
  const items = await Promise.all(
    rows.map(async (r) =>
      presentStaffEvent(r, await store.listOwnerMedia(ctx.db, 'event', r.id), actor),
    ),
  );
  return { items, total, page: page.page, pageSize: page.pageSize };
}

function eventColumns(input: WriteEventInput) {
  return {
    kind: input.kind,
    title: input.title,
    place: input.place,
    event_date: input.date,
    attendance: input.attendance,
    notes: input.notes,
    published: input.published ? 1 : 0,
  };
}

/** Records an event in a community of the actor (or street- or district-wide), with photos. */
export async function createEvent(
  ctx: AppContext,
  actor: StaffActor,
  input: WriteEventInput,
  requestId: string | null = null,
): Promise<StaffEvent> {
  requireEducationRole(actor);
  const place = await placeOf(ctx, actor, input.communityId);
  if (
    input.published &&
    !canPublishEvent(actor, { created_by: actor.id, street_id: place.streetId })
  ) {
    throw refusePublish();
  }
  const photos = await checkPhotos(ctx, actor, input.photoIds, null);
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertEvent(trx, {
      id,
      ...eventColumns(input),
      street_id: place.streetId,
      community_id: place.communityId,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    });
    await store.claimMedia(trx, 'event', id, photos);
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'education.event_create',
      recordType: 'education_event',
      recordId: id,
      detail: {
        kind: input.kind,
        attendance: input.attendance,
        photos: photos.length,
        published: input.published,
      },
      requestId,
    });
  });
  return getEvent(ctx, actor, id);
}

/** Changes an event; publishing or withdrawing it is for a reviewer of its street. */
export async function updateEvent(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: WriteEventInput,
  requestId: string | null = null,
): Promise<StaffEvent> {
  requireEducationRole(actor);
  const event = await store.findEvent(ctx.db, id);
  if (!event || !canEditEvent(actor, event)) {
    throw new AppError('not_found');
  }
  // An unchanged community keeps the event where it was, whoever edits it.
  const place =
    input.communityId === event.community_id
      ? { streetId: event.street_id, communityId: event.community_id }
      : await placeOf(ctx, actor, input.communityId);
  const publishChanges = input.published !== (event.published === 1);
  if (publishChanges && !canPublishEvent(actor, { ...event, street_id: place.streetId })) {
    throw refusePublish();
  }
  const photos = await checkPhotos(ctx, actor, input.photoIds, id);
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateEvent(trx, id, {
      ...eventColumns(input),
      street_id: place.streetId,
      community_id: place.communityId,
      updated_at: ctx.now().toISOString(),
    });
    await store.releaseOwnerMedia(trx, 'event', id);
    await store.claimMedia(trx, 'event', id, photos);
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'education.event_edit',
      recordType: 'education_event',
      recordId: id,
      detail: { attendance: input.attendance, photos: photos.length, published: input.published },
      requestId,
    });
  });
  return getEvent(ctx, actor, id);
}
