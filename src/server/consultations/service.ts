// Published consultations (执法服务咨询): a resolved consultation ticket becomes a public question
// and answer. The service pre-fills a draft with personal data taken out, and refuses to publish
// text that still holds a phone number, an ID number, an e-mail address, the ticket's code, the
// building or the reporter's name. Publishing, corrections and unpublishing are audited.
import type {
  EditQa,
  PublicQa,
  PublicQaList,
  PublicQaQuery,
  PublishQa,
  QaDraft,
  StaffQa,
  StaffQaList,
  StaffQaQuery,
} from '../../contract/qa.js';
import type { FieldIssue } from '../../contract/common.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { checkMatter } from '../tickets/intake.js';
import { loadVisible } from '../tickets/service.js';
import { presentPublicQa, presentStaffQa } from './present.js';
import { forbiddenData, redactText, type KnownPersonalData } from './redaction.js';
import * as store from './store.js';

/** Who may publish a ticket's answer: its handler, the street admin, the bureau admin. */
const publisherRelations: readonly string[] = ['assignee', 'street_admin', 'bureau_admin'];
const answeredStatuses: readonly string[] = ['resolved', 'closed'];

/** Whether the actor may correct, unpublish or republish an entry. */
export function canManageQa(
  actor: StaffActor,
  e: { street_id: string | null; published_by: string | null },
): boolean {
  if (actor.role === 'bureau_admin') {
    return true;
  }
  if (actor.role === 'street_admin') {
    return e.street_id !== null && e.street_id === actor.streetId;
  }
  return actor.role === 'liaison' && e.published_by === actor.id;
}

type VisibleTicket = Awaited<ReturnType<typeof loadVisible>>;

function publishable({ t, relation }: VisibleTicket): boolean {
  return (
    t.kind === 'consultation' &&
    answeredStatuses.includes(t.status) &&
    t.reply !== null &&
    publisherRelations.includes(relation)
  );
}

async function knownData(ctx: AppContext, t: VisibleTicket['t']): Promise<KnownPersonalData> {
  const row = await store.findPersonalContext(ctx.db, t.id);
  return {
    reporterName: row?.name_enc ? ctx.cipher.decrypt(row.name_enc) : null,
    trackingCode: t.tracking_code,
    places: [row?.name ?? t.building_name, row?.address ?? ''].filter((p) => p !== ''),
  };
}

/** The draft of a consultation's public Q&A: its description and reply with personal data out. */
export async function qaDraft(
  ctx: AppContext,
  actor: StaffActor,
  ticketId: string,
): Promise<QaDraft> {
  const visible = await loadVisible(ctx, actor, ticketId);
  const { t } = visible;
  const known = await knownData(ctx, t);
  const question = redactText(t.description, known);
  const answer = redactText(t.reply ?? '', known);
  const existing = await store.findEntryOfTicket(ctx.db, t.id);
  return {
    ticketId: t.id,
    canPublish: publishable(visible),
    question: question.text,
    answer: answer.text,
    matterCode: t.matter_code,
    removed: [...new Set([...question.removed, ...answer.removed])],
    existing: existing ? presentStaffQa(existing, canManageQa(actor, existing)) : null,
  };
}

const fieldNames = { question: ['问题', 'question'], answer: ['回答', 'answer'] } as const;
const dataNames = {
  phone: ['电话号码', 'a phone number'],
  id_number: ['身份证号码', 'an ID number'],
  email: ['电子邮箱', 'an e-mail address'],
  house_number: ['门牌号或房号', 'a house or room number'],
  car_plate: ['车牌号', 'a car plate'],
  tracking_code: ['诉求编号', 'the ticket code'],
  building: ['楼栋名称或地址', 'the building or its address'],
  name: ['反映人姓名', "the reporter's name"],
} as const;

/** The personal data still in one text field, each as a refusal naming the field. */
function issuesOf(field: 'question' | 'answer', text: string, known: KnownPersonalData | null) {
  const found: (keyof typeof dataNames)[] = [...forbiddenData(text)];
  const has = (value: string | null) =>
    value !== null && [...value.trim()].length >= 2 && text.includes(value.trim());
  if (known && has(known.trackingCode)) {
    found.push('tracking_code');
  }
  if (known?.places.some(has)) {
    found.push('building');
  }
  if (known && has(known.reporterName)) {
    found.push('name');
  }
  const [zh, en] = fieldNames[field];
  return found.map((kind) =>
    fieldIssue(
      field,
      `${zh}中仍含有${dataNames[kind][0]}，请删除后再发布`,
      `the ${en} still contains ${dataNames[kind][1]}; remove it before publishing`,
    ),
  );
}

/** Refuses text that still holds personal data, naming each field; nothing is written. */
function checkText(text: { question?: string; answer?: string }, known: KnownPersonalData | null) {
  const issues: FieldIssue[] = [];
  for (const field of ['question', 'answer'] as const) {
    const value = text[field];
    if (value !== undefined) {
      issues.push(...issuesOf(field, value, known));
    }
  }
  if (issues.length > 0) {
    throw new AppError('validation_failed', issues);
  }
}

async function knownOfEntry(ctx: AppContext, actor: StaffActor, ticketId: string | null) {
  if (!ticketId) {
    return null;
  }
  const visible = await loadVisible(ctx, actor, ticketId).catch(() => null);
  return visible ? knownData(ctx, visible.t) : null;
}

/**
 * Publishes a resolved consultation as a public Q&A (or republishes the one made from it with the
 * new text). Only its handler, the street admin or the bureau admin may; the text is refused
 * while it holds personal data.
 */
export async function publishQa(
  ctx: AppContext,
  actor: StaffActor,
  input: PublishQa,
  requestId: string | null = null,
): Promise<StaffQa> {
  const visible = await loadVisible(ctx, actor, input.ticketId);
  if (!publishable(visible)) {
    throw new AppError(
      publisherRelations.includes(visible.relation) ? 'transition_refused' : 'forbidden',
      [
        fieldIssue(
          'ticketId',
          '只有已办结并已答复的咨询可以发布',
          'only an answered consultation can be published',
        ),
      ],
    );
  }
  const { t } = visible;
  const text = { question: normalizeText(input.question), answer: normalizeText(input.answer) };
  checkText(text, await knownData(ctx, t));
  await checkMatter(ctx, input.matterCode);

  const existing = await store.findEntryOfTicket(ctx.db, t.id);
  const id = existing?.id ?? newId();
  const at = ctx.now().toISOString();
  const published = {
    ...text,
    matter_code: input.matterCode,
    status: 'published' as const,
    published_at: at,
    published_by: actor.id,
    unpublished_at: null,
    unpublished_by: null,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) {
      await store.updateEntry(trx, id, published);
    } else {
      await store.insertEntry(trx, {
        id,
        ...published,
        source_ticket_id: t.id,
        street_id: t.street_id,
        created_at: at,
      });
    }
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'qa.publish',
      recordType: 'qa_entry',
      recordId: id,
      detail: { ticketId: t.id, republished: existing !== undefined },
      requestId,
    });
  });
  return getStaffQa(ctx, actor, id);
}

async function loadManaged(ctx: AppContext, actor: StaffActor, id: string) {
  const entry = await store.findEntry(ctx.db, id);
  if (!entry) {
    throw new AppError('not_found');
  }
  if (!canManageQa(actor, entry)) {
    throw new AppError('forbidden');
  }
  return entry;
}

/** Corrects an entry's text or matter; the new text is checked like a publication. */
export async function editQa(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: EditQa,
  requestId: string | null = null,
): Promise<StaffQa> {
  const entry = await loadManaged(ctx, actor, id);
  const text = {
    ...(input.question !== undefined ? { question: normalizeText(input.question) } : {}),
    ...(input.answer !== undefined ? { answer: normalizeText(input.answer) } : {}),
  };
  checkText(text, await knownOfEntry(ctx, actor, entry.source_ticket_id));
  if (input.matterCode !== undefined) {
    await checkMatter(ctx, input.matterCode);
  }
  const changes = {
    ...text,
    ...(input.matterCode !== undefined ? { matter_code: input.matterCode } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateEntry(trx, id, { ...changes, updated_at: ctx.now().toISOString() });
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'qa.edit',
      recordType: 'qa_entry',
      recordId: id,
      detail: { fields: Object.keys(changes) },
      requestId,
    });
  });
  return getStaffQa(ctx, actor, id);
}

/** Takes an entry off the public pages, or puts it back (its text checked again). */
export async function setQaPublished(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  publish: boolean,
  requestId: string | null = null,
): Promise<StaffQa> {
  const entry = await loadManaged(ctx, actor, id);
  if ((entry.status === 'published') === publish) {
    throw new AppError('transition_refused');
  }
  if (publish) {
    checkText(entry, await knownOfEntry(ctx, actor, entry.source_ticket_id));
  }
  const at = ctx.now().toISOString();
  const changes = publish
    ? { status: 'published' as const, published_at: at, published_by: actor.id }
    : { status: 'unpublished' as const, unpublished_at: at, unpublished_by: actor.id };
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateEntry(trx, id, { ...changes, updated_at: at });
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: publish ? 'qa.publish' : 'qa.unpublish',
      recordType: 'qa_entry',
      recordId: id,
      detail: { ticketId: entry.source_ticket_id },
      requestId,
    });
  });
  return getStaffQa(ctx, actor, id);
}

/** One entry as staff see it. */
export async function getStaffQa(ctx: AppContext, actor: StaffActor, id: string): Promise<StaffQa> {
  const entry = await store.findEntry(ctx.db, id);
  if (!entry) {
    throw new AppError('not_found');
  }
  return presentStaffQa(entry, canManageQa(actor, entry));
}

/** One page of every entry, published or not, for the workbench. */
export async function listStaffQa(
  ctx: AppContext,
  actor: StaffActor,
  query: StaffQaQuery,
): Promise<StaffQaList> {
  const filter = {
    status: query.status === 'all' ? null : query.status,
    text: query.q ? normalizeText(query.q) : null,
    matterCode: null,
  };
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const { rows, total } = await store.listEntries(ctx.db, filter, page);
  const items = rows.map((r) => presentStaffQa(r, canManageQa(actor, r)));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** One page of the published entries, searched by words and narrowed by matter. */
export async function listPublicQa(ctx: AppContext, query: PublicQaQuery): Promise<PublicQaList> {
  const filter = {
    status: 'published' as const,
    text: query.q ? normalizeText(query.q) : null,
    matterCode: query.matterCode ?? null,
  };
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const [{ rows, total }, matters] = await Promise.all([
    store.listEntries(ctx.db, filter, page),
    store.listPublishedMatters(ctx.db),
  ]);
  return {
    items: rows.map(presentPublicQa),
    total,
    page: query.page,
    pageSize: query.pageSize,
    matters,
  };
}

/** One published entry; an unpublished or unknown one is not found. */
export async function getPublicQa(ctx: AppContext, id: string): Promise<PublicQa> {
  const entry = await store.findEntry(ctx.db, id);
  if (entry?.status !== 'published') {
    throw new AppError('not_found');
  }
  return presentPublicQa(entry);
}
