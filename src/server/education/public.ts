// What the public reads of legal education: published items and events only, no staff names, and
// a view count that grows by one per opened page without keeping anything about the reader.
import {
  educationTopicList,
  type PublicEventList,
  type PublicItem,
  type PublicItemList,
  type PublicItemQuery,
} from '../../contract/education.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { presentPublicEvent, presentPublicItem, presentPublicRow } from './present.js';
import * as store from './store.js';

/** The ten topics with their names and the catalogue's matters on each. */
export function listTopics() {
  return {
    items: educationTopicList.map((t) => ({
      code: t.code,
      name: t.name,
      nameEn: t.nameEn,
      matters: [...t.matters],
    })),
  };
}

/** One page of published items, filtered by topic, kind and words of the title or summary. */
export async function listPublicItems(
  ctx: AppContext,
  query: PublicItemQuery,
): Promise<PublicItemList> {
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const filter = { topic: query.topic, kind: query.kind, q: query.q || undefined };
  const { rows, total } = await store.listPublishedItems(ctx.db, filter, page);
  return { items: rows.map(presentPublicRow), total, page: query.page, pageSize: query.pageSize };
}

/** A published item; a draft or an unknown id is not found. */
export async function getPublicItem(ctx: AppContext, id: string): Promise<PublicItem> {
  const item = await store.findItem(ctx.db, id);
  if (item?.status !== 'published') {
    throw new AppError('not_found');
  }
  const media = await store.listOwnerMedia(ctx.db, 'item', item.id);
  return presentPublicItem(item, media);
}

/** Counts one view of a published item: only the number changes, nothing of the reader is kept. */
export async function countView(ctx: AppContext, id: string): Promise<{ viewCount: number }> {
  const viewCount = await store.addView(ctx.db, id);
  if (viewCount === null) {
    throw new AppError('not_found');
  }
  return { viewCount };
}

/** One page of published events, latest first. */
export async function listPublicEvents(
  ctx: AppContext,
  page: { page: number; pageSize: number },
): Promise<PublicEventList> {
  const window = { limit: page.pageSize, offset: (page.page - 1) * page.pageSize };
  const { rows, total } = await store.listEvents(ctx.db, { published: true }, window);
  const items = await Promise.all(
    rows.map(async (r) => presentPublicEvent(r, await store.listOwnerMedia(ctx.db, 'event', r.id))),
  );
  return { items, total, page: page.page, pageSize: page.pageSize };
}
