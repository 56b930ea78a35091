// Reading the arguments of Open311 calls: form-encoded bodies and query strings where an empty
// value means the same as no value, repeated keys carry lists, and attribute[CODE] keys carry
// the answers to a service definition.
import { badField } from './errors.js';

/** Arguments as they arrive: one string, or several for a key sent more than once. */
export type FormValues = Readonly<Record<string, string | string[] | undefined>>;

/** Parses an `application/x-www-form-urlencoded` body, keeping repeated keys as lists. */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const earlier = out[key];
    if (earlier === undefined) {
      out[key] = value;
    } else {
      out[key] = Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
    }
  }
  return out;
}

/** One argument, trimmed; empty or absent is undefined; sent twice is refused. */
export function one(values: FormValues, name: string): string | undefined {
  const raw = values[name];
  if (Array.isArray(raw)) {
    throw badField(name, '只能提供一个值', 'may be given only once');
  }
  const trimmed = raw?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** A comma-separated argument as its non-empty items; absent or empty is undefined. */
export function commaList(values: FormValues, name: string): string[] | undefined {
  const raw = values[name];
  const joined = Array.isArray(raw) ? raw.join(',') : raw;
  const items = (joined ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
}

/** The answers of `attribute[CODE]` and `attribute[CODE][]` keys, empty answers dropped. */
export function attributesOf(values: FormValues): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, raw] of Object.entries(values)) {
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!match?.[1] || raw === undefined) {
      continue;
    }
    const given = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter((v) => v !== '');
    if (given.length > 0) {
      out.set(match[1], [...(out.get(match[1]) ?? []), ...given]);
    }
  }
  return out;
}

const datetimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A W3C datetime argument as an instant. The time and the timezone are both required, so a
 * date is never silently read as midnight in some zone the client did not mean.
 */
export function datetimeArg(values: FormValues, name: string): Date | undefined {
  const raw = one(values, name);
  if (raw === undefined) {
    return undefined;
  }
  const ms = datetimePattern.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms)) {
    throw badField(
      name,
      '须为带时区的日期时间，如 2025-09-30T08:00:00+08:00',
      'must be a datetime with a timezone, e.g. 2025-09-30T08:00:00+08:00',
    );
  }
  return new Date(ms);
}

/** A positive whole-number argument, or undefined when absent. */
export function wholeNumberArg(values: FormValues, name: string): number | undefined {
  const raw = one(values, name);
  if (raw === undefined) {
    return undefined;
  }
  if (!/^\d{1,7}$/.test(raw)) {
    throw badField(name, '须为非负整数', 'must be a whole number');
  }
  return Number(raw);
}

/** Shanghai keeps one offset all year (no summer time), so +08:00 is always right. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** An instant as the specification writes it: seconds, with the explicit +08:00 offset. */
export function open311Time(iso: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}
