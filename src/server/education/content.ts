// What an item must carry for its kind, and which uploaded files it uses. Each refusal names the
// field in Chinese and English; nothing is written until every check passed.
import { videoKinds, type WriteItemInput } from '../../contract/education.js';
import type { FieldIssue } from '../../contract/common.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import type { EducationMediaTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { listMatters } from '../org/service.js';
import { bodyMediaIds } from './markdown.js';
import * as store from './store.js';
import type { MediaUse } from './store.js';

function kindIssues(input: WriteItemInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const isVideo = videoKinds.includes(input.kind);
  if (input.kind === 'article' && input.body.trim() === '') {
    issues.push(fieldIssue('body', '请填写正文', 'write the text'));
  }
  if (input.kind === 'illustrated' && input.slides.length === 0) {
    issues.push(
      fieldIssue('slides', '图解至少需要一张图片', 'an explainer needs at least one picture'),
    );
  }
  if (input.kind !== 'illustrated' && input.slides.length > 0) {
    issues.push(
      fieldIssue('slides', '只有图解可以添加图组', 'only an explainer has a picture sequence'),
    );
  }
  if (isVideo && !input.videoId) {
    issues.push(fieldIssue('videoId', '请上传视频', 'upload the video'));
  }
  if (isVideo && !input.posterId) {
    issues.push(fieldIssue('posterId', '请上传视频封面图', 'upload a poster picture'));
  }
  if (!isVideo && (input.videoId || input.posterId)) {
    issues.push(fieldIssue('videoId', '只有微视频和动漫可以添加视频', 'only videos carry a video'));
  }
  if (input.kind === 'typical_case') {
    const caseFields = ['caseFacts', 'caseHandling', 'caseLegalBasis'] as const;
    const labels = { caseFacts: '案情', caseHandling: '处理结果', caseLegalBasis: '法律依据' };
    for (const field of caseFields.filter((f) => !input[f])) {
      issues.push(fieldIssue(field, `请填写${labels[field]}`, 'required for a typical case'));
    }
  }
  return issues;
}

/** The files an item's form names, each with where it shows. */
function usesOf(
  input: WriteItemInput,
): { field: string; use: MediaUse; kind: 'image' | 'video' }[] {
  const slides = input.slides.map((s, i) => ({
    field: `slides.${i}.mediaId`,
    use: { id: s.mediaId, role: 'slide' as const, caption: s.caption },
    kind: 'image' as const,
  }));
  const video = input.videoId
    ? [
        {
          field: 'videoId',
          use: { id: input.videoId, role: 'video' as const, caption: null },
          kind: 'video' as const,
        },
      ]
    : [];
  const poster = input.posterId
    ? [
        {
          field: 'posterId',
          use: { id: input.posterId, role: 'poster' as const, caption: null },
          kind: 'image' as const,
        },
      ]
    : [];
  const body = bodyMediaIds(input.body).map((id) => ({
    field: 'body',
    use: { id, role: 'body' as const, caption: null },
    kind: 'image' as const,
  }));
  return [...slides, ...video, ...poster, ...body];
}

function usable(
  row: EducationMediaTable | undefined,
  kind: 'image' | 'video',
  actor: StaffActor,
  itemId: string | null,
): boolean {
  if (!row || row.kind !== kind) {
    return false;
  }
  if (row.owner_type === null) {
    return row.uploaded_by === actor.id;
  }
  return row.owner_type === 'item' && row.owner_id === itemId;
}

/**
 * Checks the form against its kind, the matter catalogue and the uploaded files; returns the
 * media uses to attach. A file must be the actor's own unused upload or already this item's.
 */
export async function checkItemContent(
  ctx: AppContext,
  actor: StaffActor,
  input: WriteItemInput,
  itemId: string | null,
): Promise<MediaUse[]> {
  const issues = kindIssues(input);
  if (input.matterCode) {
    const matters = await listMatters(ctx.db);
    if (!matters.some((m) => m.code === input.matterCode)) {
      throw new AppError('matter_not_found', [
        fieldIssue('matterCode', '执法事项不存在', 'no such enforcement matter'),
      ]);
    }
  }
  const uses = usesOf(input);
  const rows = await store.findMediaByIds(
    ctx.db,
    uses.map((u) => u.use.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const { field, use, kind } of uses) {
    if (!usable(byId.get(use.id), kind, actor, itemId) || seen.has(use.id)) {
      const what = kind === 'video' ? ['视频', 'video'] : ['图片', 'picture'];
      issues.push(
        fieldIssue(field, `${what[0]}不存在或已被使用`, `no such ${what[1]}, or already used`),
      );
    }
    seen.add(use.id);
  }
  if (issues.length > 0) {
    throw new AppError('validation_failed', issues);
  }
  return uses.map((u) => u.use);
}
