import { z } from 'zod';
import { instantSchema, pageQuerySchema } from './common.js';
import { personText, staffRefSchema } from './tickets.js';

// Legal education (普法宣传教育, 实施办法 三（二）): articles in the forms the measures name (文字、
// 图解、微视频、动漫), typical cases (典型案例) and events (专题讲座、7·15公众开放日、场景宣教).
// Items pass draft → in_review → published; a reviewer is never the author.

/**
 * The topics of the measures (三（一）房屋装修、房屋租赁; 三（二）私搭乱建、破坏房屋承重结构、占绿毁绿、
 * 飞线充电; 三（三）违规夜间施工), plus 群租、楼道堆物 and 垃圾分类. Literal lists, so the web build keeps
 * them (vite.config.ts); the three lists are in the same order.
 */
export const educationTopics = [
  'renovation',
  'rental',
  'group_rental',
  'illegal_building',
  'load_bearing',
  'green_space',
  'flying_wire',
  'night_construction',
  'corridor_clutter',
  'waste_sorting',
] as const;
export const educationTopicSchema = z.enum(educationTopics);
export type EducationTopic = z.infer<typeof educationTopicSchema>;

/** The topics' Chinese names; the matter catalogue links with these (`/learn?topic=群租`). */
export const educationTopicNames = [
  '房屋装修',
  '房屋租赁',
  '群租',
  '违法搭建',
  '损坏承重结构',
  '占绿毁绿',
  '飞线充电',
  '夜间施工',
  '楼道堆物',
  '垃圾分类',
] as const;

export const educationTopicNamesEn = [
  'Home renovation',
  'Renting a home',
  'Overcrowded letting',
  'Unauthorised building',
  'Damaging load-bearing structure',
  'Occupying or damaging green space',
  'Charging over dangling cables',
  'Night-time construction',
  'Goods stored in corridors',
  'Waste sorting',
] as const;

/** The matters of the catalogue on each topic, so the catalogue can link to its articles. */
const topicMatters: Record<EducationTopic, readonly string[]> = {
  renovation: ['ZXZS'],
  rental: [],
  group_rental: ['QZ'],
  illegal_building: ['WFDJ'],
  load_bearing: ['CZJG'],
  green_space: ['ZLHL-1', 'ZLHL-2', 'ZLHL-3', 'ZLHL-4'],
  flying_wire: ['FXCD', 'DCSN', 'DCDT'],
  night_construction: ['YJSG'],
  corridor_clutter: ['LDDW', 'DCLD'],
  waste_sorting: [],
};

/** Each topic with its names and matters. */
export const educationTopicList = educationTopics.map((code, i) => ({
  code,
  name: educationTopicNames[i] ?? code,
  nameEn: educationTopicNamesEn[i] ?? code,
  matters: topicMatters[code],
}));

/** The topic a matter of the catalogue belongs to, or null when none lists it. */
export function topicOfMatter(matterCode: string): EducationTopic | null {
  return educationTopics.find((t) => topicMatters[t].includes(matterCode)) ?? null;
}

/**
 * The topic a link names, by code (`flying_wire`) or by its Chinese name (`飞线充电`, as the matter
 * catalogue's links give it); undefined for anything else.
 */
export function topicCodeOf(value: unknown): EducationTopic | undefined {
  return educationTopicList.find((t) => t.code === value || t.name === value)?.code;
}

/** 文字, 图解 (images with captions), 微视频, 动漫 (also a video file), 典型案例. */
export const educationKinds = [
  'article',
  'illustrated',
  'video',
  'animation',
  'typical_case',
] as const;
export const educationKindSchema = z.enum(educationKinds);
export type EducationKind = z.infer<typeof educationKindSchema>;

/** The kinds whose item carries a video file and its poster frame. */
export const videoKinds: readonly EducationKind[] = ['video', 'animation'];

export const educationStatuses = ['draft', 'in_review', 'published'] as const;
export const educationStatusSchema = z.enum(educationStatuses);
export type EducationStatus = z.infer<typeof educationStatusSchema>;

export const TITLE_MAX = 80;
export const SUMMARY_MAX = 200;
export const BODY_MAX = 20_000;
export const CASE_TEXT_MAX = 4000;
export const CAPTION_MAX = 200;
export const REASON_MAX = 500;
export const MAX_SLIDES = 20;
export const MAX_EVENT_PHOTOS = 9;
export const MAX_ATTENDANCE = 100_000;

const idSchema = z.string().min(1).max(64);
/** A calendar date in Asia/Shanghai, 2026-07-15. */
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One picture of an illustrated explainer (图解), in order. */
export const slideInputSchema = z.object({
  mediaId: idSchema,
  caption: personText(CAPTION_MAX),
});

/**
 * The editor's form. Slides only for 图解; videoId and posterId for 微视频 and 动漫; the three case
 * fields for 典型案例. Facts must be anonymised: no names, addresses or phone numbers of parties.
 */
export const writeItemSchema = z.object({
  kind: educationKindSchema,
  title: personText(TITLE_MAX),
  summary: z
    .string()
    .trim()
    .refine((s) => [...s].length <= SUMMARY_MAX, { error: `at most ${SUMMARY_MAX} characters` })
    .default(''),
  body: z
    .string()
    .refine((s) => s.length <= BODY_MAX, { error: `at most ${BODY_MAX} characters` })
    .default(''),
  topic: educationTopicSchema,
  matterCode: z.string().min(1).max(32).nullable().default(null),
  slides: z.array(slideInputSchema).max(MAX_SLIDES).default([]),
  videoId: idSchema.nullable().default(null),
  posterId: idSchema.nullable().default(null),
  caseFacts: personText(CASE_TEXT_MAX).nullable().default(null),
  caseHandling: personText(CASE_TEXT_MAX).nullable().default(null),
  caseLegalBasis: personText(CASE_TEXT_MAX).nullable().default(null),
});
export type WriteItem = z.input<typeof writeItemSchema>;
export type WriteItemInput = z.output<typeof writeItemSchema>;

/** Why a reviewer sends an item back, or takes a published one down. */
export const reasonSchema = z.object({ reason: personText(REASON_MAX) });

export const previewSchema = z.object({
  body: z.string().refine((s) => s.length <= BODY_MAX, { error: `at most ${BODY_MAX} characters` }),
});
export const renderedSchema = z.object({ html: z.string() });

/** An uploaded picture or video as the editor refers to it. */
export const mediaSchema = z.object({
  id: z.string(),
  kind: z.enum(['image', 'video']),
  url: z.string(),
  width: z.number(),
  height: z.number(),
  size: z.number(),
  /** What to paste into the Markdown body for a picture. */
  markdown: z.string(),
});
export type Media = z.infer<typeof mediaSchema>;

export const slideSchema = z.object({
  mediaId: z.string(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
  caption: z.string(),
});
export type Slide = z.infer<typeof slideSchema>;

export const videoSchema = z.object({
  videoId: z.string(),
  posterId: z.string(),
  src: z.string(),
  poster: z.string(),
  width: z.number(),
  height: z.number(),
});
export type EducationVideo = z.infer<typeof videoSchema>;

export const typicalCaseSchema = z.object({
  facts: z.string(),
  handling: z.string(),
  legalBasis: z.string(),
});

export const matterRefSchema = z.object({ code: z.string(), name: z.string() });

/** One item as the public reads it: rendered HTML, media URLs, the view count. */
export const publicItemSchema = z.object({
  id: z.string(),
  kind: educationKindSchema,
  title: z.string(),
  summary: z.string(),
  topic: educationTopicSchema,
  bodyHtml: z.string(),
  matter: matterRefSchema.nullable(),
  slides: z.array(slideSchema),
  video: videoSchema.nullable(),
  typicalCase: typicalCaseSchema.nullable(),
  publishedAt: instantSchema,
  viewCount: z.number(),
});
export type PublicItem = z.infer<typeof publicItemSchema>;

export const publicItemRowSchema = publicItemSchema.pick({
  id: true,
  kind: true,
  title: true,
  summary: true,
  topic: true,
  publishedAt: true,
  viewCount: true,
});
export type PublicItemRow = z.infer<typeof publicItemRowSchema>;

export const publicItemQuerySchema = pageQuerySchema.extend({
  topic: z.preprocess((v) => topicCodeOf(v) ?? v, educationTopicSchema.optional()),
  kind: educationKindSchema.optional(),
  q: z.string().trim().max(50).optional(),
});
export type PublicItemQuery = z.infer<typeof publicItemQuerySchema>;

export const publicItemListSchema = z.object({
  items: z.array(publicItemRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type PublicItemList = z.infer<typeof publicItemListSchema>;

export const viewCountSchema = z.object({ viewCount: z.number() });

/** One item as staff read it: the Markdown source, who wrote and reviewed it, what they may do. */
export const staffItemSchema = publicItemSchema.omit({ publishedAt: true }).extend({
  body: z.string(),
  matterCode: z.string().nullable(),
  status: educationStatusSchema,
  author: staffRefSchema,
  reviewer: staffRefSchema.nullable(),
  submittedAt: instantSchema.nullable(),
  reviewedAt: instantSchema.nullable(),
  publishedAt: instantSchema.nullable(),
  /** Why a reviewer last sent it back or took it down. */
  returnReason: z.string().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  canEdit: z.boolean(),
  canReview: z.boolean(),
  canUnpublish: z.boolean(),
});
export type StaffItem = z.infer<typeof staffItemSchema>;

export const staffItemRowSchema = z.object({
  id: z.string(),
  kind: educationKindSchema,
  title: z.string(),
  topic: educationTopicSchema,
  status: educationStatusSchema,
  author: staffRefSchema,
  updatedAt: instantSchema,
  publishedAt: instantSchema.nullable(),
  viewCount: z.number(),
});
export type StaffItemRow = z.infer<typeof staffItemRowSchema>;

export const staffItemQuerySchema = pageQuerySchema.extend({
  status: educationStatusSchema.optional(),
});
export type StaffItemQuery = z.infer<typeof staffItemQuerySchema>;

export const staffItemListSchema = z.object({
  items: z.array(staffItemRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type StaffItemList = z.infer<typeof staffItemListSchema>;

/** 专题讲座, 7·15公众开放日, 场景宣教 (执法+普法), other. */
export const eventKinds = ['lecture', 'open_day', 'scene', 'other'] as const;
export const eventKindSchema = z.enum(eventKinds);
export type EventKind = z.infer<typeof eventKindSchema>;

/** The event form: attendance is a number the officer counted, not a list of people. */
export const writeEventSchema = z.object({
  kind: eventKindSchema,
  title: personText(TITLE_MAX),
  place: personText(100),
  date: dateSchema,
  /** A community the officer works in; none for a street- or district-wide event. */
  communityId: idSchema.nullable().default(null),
  attendance: z.number().int().min(0).max(MAX_ATTENDANCE),
  notes: personText(2000).nullable().default(null),
  photoIds: z.array(idSchema).max(MAX_EVENT_PHOTOS).default([]),
  published: z.boolean().default(false),
});
export type WriteEvent = z.input<typeof writeEventSchema>;
export type WriteEventInput = z.output<typeof writeEventSchema>;

export const eventPhotoSchema = z.object({
  id: z.string(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
});

export const publicEventSchema = z.object({
  id: z.string(),
  kind: eventKindSchema,
  title: z.string(),
  place: z.string(),
  date: z.string(),
  street: z.string().nullable(),
  community: z.string().nullable(),
  attendance: z.number(),
  notes: z.string().nullable(),
  photos: z.array(eventPhotoSchema),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;

export const publicEventListSchema = z.object({
  items: z.array(publicEventSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type PublicEventList = z.infer<typeof publicEventListSchema>;

export const staffEventSchema = publicEventSchema.extend({
  communityId: z.string().nullable(),
  published: z.boolean(),
  createdBy: staffRefSchema,
  updatedAt: instantSchema,
  canEdit: z.boolean(),
  canPublish: z.boolean(),
});
export type StaffEvent = z.infer<typeof staffEventSchema>;

export const staffEventListSchema = z.object({
  items: z.array(staffEventSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type StaffEventList = z.infer<typeof staffEventListSchema>;

export const topicListSchema = z.object({
  items: z.array(
    z.object({
      code: educationTopicSchema,
      name: z.string(),
      nameEn: z.string(),
      matters: z.array(z.string()),
    }),
  ),
});
