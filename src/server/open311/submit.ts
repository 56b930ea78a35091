// POST requests: a partner system files a ticket through the same intake as a resident at a
// placard (routing to the building's room, deadlines, the reporter encrypted apart), with the
// channel 'open311'. The answer follows the service's type: an id, a token, or neither.
import { createHash } from 'node:crypto';
import { OPEN311_DESCRIPTION_MAX, type Open311PostResult } from '../../contract/open311.js';
import { personNameSchema, phoneSchema, type TicketKind } from '../../contract/tickets.js';
import { normalizePersonName, normalizePhone, normalizeText } from '../../domain/personal-data.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { randomBase32 } from '../ids.js';
import { checkMatter, fileTicket } from '../tickets/intake.js';
import { badField } from './errors.js';
import { attributesOf as answersOf, one, open311Time, type FormValues } from './form.js';
import { useOpen311Key } from './keys.js';
import { placeOfRequest } from './place.js';
import { attributesOf, kindOfCode, serviceTypeOf } from './services.js';
import * as store from './store.js';

/** The contact fields of a POST; all personal data, none ever shown by a GET. */
interface Contact {
  phone: string | null;
  name: string | null;
  other: Record<string, string>;
}

function description(values: FormValues): string {
  const text = normalizeText(one(values, 'description') ?? '');
  if ([...text].length > OPEN311_DESCRIPTION_MAX) {
    throw badField(
      'description',
      `描述不能超过 ${String(OPEN311_DESCRIPTION_MAX)} 字`,
      `at most ${String(OPEN311_DESCRIPTION_MAX)} characters`,
    );
  }
  if (/<\/?[a-z!][^>]*>/i.test(text)) {
    throw badField('description', '描述中不能含有 HTML', 'must not contain HTML');
  }
  return text;
}

function reporterName(values: FormValues): string | null {
  const first = one(values, 'first_name');
  const last = one(values, 'last_name');
  if (first === undefined && last === undefined) {
    return null;
  }
  // Chinese names are written family name first and without a space.
  const han = /\p{Script=Han}/u.test(`${last ?? ''}${first ?? ''}`);
  const joined = han ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ');
  const name = normalizePersonName(joined);
  if (!personNameSchema.safeParse(name).success) {
    throw badField(
      first === undefined ? 'last_name' : 'first_name',
      '姓名只能含文字',
      'letters only',
    );
  }
  return name;
}

function contactOf(values: FormValues): Contact {
  const other: Record<string, string> = {};
  for (const field of ['email', 'device_id', 'account_id'] as const) {
    const value = one(values, field);
    if (value !== undefined && value.length > 200) {
      throw badField(field, '不能超过 200 个字符', 'at most 200 characters');
    }
    if (value !== undefined) {
      other[field] = value;
    }
  }
  const email = other.email;
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw badField('email', '邮箱格式不正确', 'not an email address');
  }
  const raw = one(values, 'phone');
  const phone = raw === undefined ? null : normalizePhone(raw);
  const mobile = phone !== null && phoneSchema.safeParse(phone).success;
  if (phone !== null && !mobile) {
    if (!/^\+?[\d]{5,20}$/.test(phone)) {
      throw badField('phone', '电话号码格式不正确', 'not a phone number');
    }
    other.phone = phone;
  }
  return { phone: mobile ? phone : null, name: reporterName(values), other };
}

function mediaUrl(values: FormValues): string | null {
  const raw = one(values, 'media_url');
  if (raw === undefined) {
    return null;
  }
  if (raw.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(raw) || !URL.canParse(raw)) {
    throw badField('media_url', '须为 http(s) 网址', 'must be an http(s) URL');
  }
  return raw;
}

/** The answers to the definition, checked against it: required ones given, list values known. */
async function answersChecked(ctx: AppContext, values: FormValues) {
  const given = answersOf(values);
  const definition = await attributesOf(ctx);
  const out: Record<string, string[]> = {};
  for (const attribute of definition.filter((a) => a.variable)) {
    const field = `attribute[${attribute.code}]`;
    const answer = given.get(attribute.code);
    if (!answer) {
      if (attribute.required) {
        throw badField(field, '此项必填', 'is required');
      }
      continue;
    }
    const keys = attribute.values.map((v) => v.key);
    if (attribute.datatype === 'singlevaluelist' && answer.length > 1) {
      throw badField(field, '只能选择一项', 'pick exactly one value');
    }
    const unknown = answer.find((a) => !keys.includes(a));
    if (unknown !== undefined) {
      throw badField(field, `不在可选值中：${unknown}`, `not one of the values: ${unknown}`);
    }
    out[attribute.code] = [...new Set(answer)];
  }
  return out;
}

function requestHash(keyId: string, values: FormValues): string {
  const canonical = JSON.stringify([keyId, Object.entries(values).sort()]);
  return createHash('sha256').update(canonical).digest('hex');
}

function notice(kind: TicketKind, dueAt: string): string {
  const due = open311Time(dueAt);
  return serviceTypeOf(kind) === 'blackbox'
    ? `已受理，不公开，将于 ${due} 前办结 / Received, not public, due by ${due}`
    : `将于 ${due} 前办结 / Due to be resolved by ${due}`;
}

/** Files one Open311 request and answers as its service's type requires. */
export async function submitOpen311Request(
  ctx: AppContext,
  values: FormValues,
): Promise<Open311PostResult> {
  const key = await useOpen311Key(ctx, one(values, 'api_key'));
  const kind = kindOfCode(one(values, 'service_code'));
  const text = description(values);
  const contact = contactOf(values);
  const media = mediaUrl(values);
  const answers = await answersChecked(ctx, values);
  const { place, lat, long } = await placeOfRequest(ctx, values);
  const matterCode = answers.matter?.[0] ?? null;
  await checkMatter(ctx, matterCode);

  const type = serviceTypeOf(kind);
  const token = type === 'batch' ? randomBase32(20).toLowerCase() : null;
  const ticket = await fileTicket(
    ctx,
    {
      kind,
      matterCode,
      description: text,
      photoIds: [],
      channel: 'open311',
      place,
      idempotencyKey: null,
      requestHash: requestHash(key.id, values),
      phone: contact.phone,
      reporterName: contact.name,
      submitter: { kind: 'resident' },
      firstEventData: { partner: key.partner, ...flatAnswers(answers) },
    },
    async (trx, ticketId) => {
      const other = Object.keys(contact.other).length > 0 ? contact.other : null;
      await store.insertRequest(trx, {
        ticket_id: ticketId,
        key_id: key.id,
        token,
        service_code: kind,
        lat,
        long,
        media_url: media,
        attributes: JSON.stringify(answers),
        contact_enc: other ? ctx.cipher.encrypt(JSON.stringify(other)) : null,
        created_at: ctx.now().toISOString(),
      });
      await recordAudit(trx, ctx, {
        actorKind: 'system',
        actorId: key.id,
        action: 'ticket.submit',
        recordType: 'ticket',
        recordId: ticketId,
        // Which personal fields were given, never their values.
        detail: {
          channel: 'open311',
          key: key.key_prefix,
          phone: contact.phone || contact.other.phone ? 'given' : 'none',
          name: contact.name ? 'given' : 'none',
          other: Object.keys(contact.other).filter((k) => k !== 'phone'),
        },
      });
    },
  );
  const base = { service_notice: notice(kind, ticket.resolve_due_at), account_id: null };
  if (type === 'realtime') {
    return { service_request_id: ticket.tracking_code, ...base };
  }
  return token ? { token, ...base } : base;
}

function flatAnswers(answers: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [`open311_${k}`, v.join(',')]));
}
