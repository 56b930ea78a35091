import type {
  EducationTopic,
  EducationVideo,
  PublicEvent,
  PublicItem,
  PublicItemRow,
  Slide,
  StaffEvent,
  StaffItem,
  StaffItemRow,
} from '../../contract/education.js';
import type { StaffActor } from '../accounts/service.js';
import type { EducationMediaTable } from '../db/schema.js';
import { mediaUrl, renderMarkdown } from './markdown.js';
import {
  canEditEvent,
  canEditItem,
  canPublishEvent,
  canReviewItem,
  canUnpublishItem,
} from './rules.js';
import type { EventRow, ItemRow } from './store.js';

type MediaRow = EducationMediaTable;

function staffRef(id: string, name: string, badge: string | null) {
  return { id, name, badgeNo: badge ?? '' };
}

function slidesOf(media: readonly MediaRow[]): Slide[] {
  return media
    .filter((m) => m.role === 'slide')
    .map((m) => ({
      mediaId: m.id,
      url: mediaUrl(m.id),
      width: m.width,
      height: m.height,
      caption: m.caption ?? '',
    }));
}

function videoOf(media: readonly MediaRow[]): EducationVideo | null {
  const video = media.find((m) => m.role === 'video');
  const poster = media.find((m) => m.role === 'poster');
  if (!video || !poster) {
    return null;
  }
  return {
    videoId: video.id,
    posterId: poster.id,
    src: mediaUrl(video.id),
    poster: mediaUrl(poster.id),
    width: video.width,
    height: video.height,
  };
}

function typicalCaseOf(row: ItemRow) {
  if (row.kind !== 'typical_case') {
    return null;
  }
  return {
    facts: row.case_facts ?? '',
    handling: row.case_handling ?? '',
    legalBasis: row.case_legal_basis ?? '',
  };
}

function commonFields(row: ItemRow, media: readonly MediaRow[]) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    topic: row.topic as EducationTopic,
    bodyHtml: renderMarkdown(row.body),
    matter:
      row.matter_code && row.matter_name ? { code: row.matter_code, name: row.matter_name } : null,
    slides: slidesOf(media),
    video: videoOf(media),
    typicalCase: typicalCaseOf(row),
    viewCount: row.view_count,
  };
}

/** A published item for the public: rendered body, media URLs, no staff names. */
export function presentPublicItem(row: ItemRow, media: readonly MediaRow[]): PublicItem {
  return { ...commonFields(row, media), publishedAt: row.published_at ?? row.updated_at };
}

/** A row of the public list. */
export function presentPublicRow(row: {
  id: string;
  kind: PublicItemRow['kind'];
  title: string;
  summary: string;
  topic: string;
  published_at: string | null;
  view_count: number;
}): PublicItemRow {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    topic: row.topic as EducationTopic,
    publishedAt: row.published_at ?? '',
    viewCount: row.view_count,
  };
}

/** An item for the workbench, with its source, its people and what the actor may do with it. */
export function presentStaffItem(
  row: ItemRow,
  media: readonly MediaRow[],
  actor: StaffActor,
): StaffItem {
  return {
    ...commonFields(row, media),
    body: row.body,
    matterCode: row.matter_code,
    status: row.status,
    author: staffRef(row.author_id, row.author_name, row.author_badge),
    reviewer: row.reviewer_id
      ? staffRef(row.reviewer_id, row.reviewer_name ?? '', row.reviewer_badge)
      : null,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    publishedAt: row.published_at,
    returnReason: row.return_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    canEdit: canEditItem(actor, row),
    canReview: canReviewItem(actor, row),
    canUnpublish: canUnpublishItem(actor, row),
  };
}

/** A row of the workbench list. */
export function presentStaffRow(row: ItemRow): StaffItemRow {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    topic: row.topic as EducationTopic,
    status: row.status,
    author: staffRef(row.author_id, row.author_name, row.author_badge),
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    viewCount: row.view_count,
  };
}

/** An event for the public list: no creator, photos by URL. */
export function presentPublicEvent(row: EventRow, media: readonly MediaRow[]): PublicEvent {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    place: row.place,
    date: row.event_date,
    street: row.street_name,
    community: row.community_name,
    attendance: row.attendance,
    notes: row.notes,
    photos: media
      .filter((m) => m.role === 'photo')
      .map((m) => ({ id: m.id, url: mediaUrl(m.id), width: m.width, height: m.height })),
  };
}

/** An event for the workbench. */
export function presentStaffEvent(
  row: EventRow,
  media: readonly MediaRow[],
  actor: StaffActor,
): StaffEvent {
  return {
    ...presentPublicEvent(row, media),
    communityId: row.community_id,
    published: row.published === 1,
    createdBy: staffRef(row.created_by, row.creator_name, row.creator_badge),
    updatedAt: row.updated_at,
    canEdit: canEditEvent(actor, row),
    canPublish: canPublishEvent(actor, row),
  };
}
