// Personal data in the text of a consultation, found and taken out before it is published as a
// public question and answer. Pure functions: the service passes in what it knows of the ticket.
import type { RedactionKind } from '../../contract/qa.js';

const digit = '[0-9\\uFF10-\\uFF19]';
const gap = '[\\s\\-\\u2010-\\u2015]?';
const noDigitBefore = '(?<![0-9\\uFF10-\\uFF19])';
const noDigitAfter = '(?![0-9\\uFF10-\\uFF19])';

/**
 * A mainland mobile (+86 optional, spaces or dashes between groups) or a landline with its area
 * code.
 */
const phone = new RegExp(
  `${noDigitBefore}(?:(?:(?:\\+|\\uFF0B)?86${gap})?[1\\uFF11]${gap}[3-9\\uFF13-\\uFF19](?:${gap}${digit}){9}` +
    `|[0\\uFF10]${digit}{2,3}${gap}${digit}{7,8}|${digit}{4}-${digit}{4})${noDigitAfter}`,
  'gu',
);
/** A resident identity number: 17 digits and a digit or X (a 15-digit old one too). */
const idNumber = new RegExp(
  `${noDigitBefore}(?:${digit}{17}[0-9Xx\\uFF38\\uFF58]|${digit}{15})${noDigitAfter}`,
  'gu',
);
const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gu;
/** 12号302室, 3弄5号, 5幢2单元601, 2-301室, 601室. */
const houseNumber = new RegExp(
  `${digit}+(?:[-－]${digit}+)?(?:弄|号楼|号|幢|栋|单元|室|楼)` +
    `(?:${digit}+(?:[-－]${digit}+)?(?:弄|号楼|号|幢|栋|单元|室|楼)?)*`,
  'gu',
);
/**
 * The house numbers publishing refuses: a room (302室), a lane (3弄), a number with a room after it
 * (12号402) or a block with a number (5幢2). A bare 22号 is left, as in 国办发〔2025〕22号.
 */
const roomOrLane = new RegExp(
  `${digit}+(?:[-－]${digit}+)?(?:室|弄)|${digit}+号(?:楼)?${digit}+|${digit}+(?:幢|栋)${digit}+`,
  'u',
);
/** 沪A12345, 沪AD12345, 苏E·8X888. */
const carPlate =
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•\s]?[A-HJ-NP-Z0-9]{5,6}/gu;
const trackingCode = /LL-[0-9A-Z]{5}-[0-9A-Z]{5}/giu;
/** 张先生, 李阿姨: a surname with a form of address points at a person. */
const addressedPerson = /[\u4e00-\u9fff](?:先生|女士|小姐|阿姨|师傅|老师|大爷|大妈)/gu;

/** What stands where something personal was taken out. */
export const placeholders: Record<RedactionKind, string> = {
  phone: '[电话已隐去]',
  id_number: '[证件号已隐去]',
  email: '[邮箱已隐去]',
  house_number: '[门牌已隐去]',
  name: '[姓名已隐去]',
  car_plate: '[车牌已隐去]',
  tracking_code: '[编号已隐去]',
  building: '[楼栋已隐去]',
};

/** What the service knows of the ticket that must not reach the public text. */
export interface KnownPersonalData {
  reporterName: string | null;
  trackingCode: string | null;
  /** The building's name and address. */
  places: readonly string[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The patterns in the order they are applied: the longest numbers first, then words. */
function rules(known: KnownPersonalData): [RedactionKind, RegExp][] {
  const literal = (values: readonly (string | null)[]) => {
    const kept = values.filter((v): v is string => v !== null && [...v.trim()].length >= 2);
    return kept.length === 0 ? null : new RegExp(kept.map((v) => escape(v.trim())).join('|'), 'gu');
  };
  const name = literal([known.reporterName]);
  const place = literal([...known.places].sort((a, b) => b.length - a.length));
  const list: [RedactionKind, RegExp | null][] = [
    ['email', email],
    ['tracking_code', trackingCode],
    ['id_number', idNumber],
    ['phone', phone],
    ['car_plate', carPlate],
    ['building', place],
    ['house_number', houseNumber],
    ['name', name],
    ['name', addressedPerson],
  ];
  return list.filter((r): r is [RedactionKind, RegExp] => r[1] !== null);
}

/** The text with everything personal replaced, and the kinds that were found. */
export function redactText(
  text: string,
  known: KnownPersonalData,
): { text: string; removed: RedactionKind[] } {
  const removed: RedactionKind[] = [];
  let out = text;
  for (const [kind, pattern] of rules(known)) {
    const next = out.replace(pattern, placeholders[kind]);
    if (next !== out && !removed.includes(kind)) {
      removed.push(kind);
    }
    out = next;
  }
  return { text: out, removed };
}

/** What publishing refuses outright, whatever is known of the ticket. */
export type ForbiddenKind = 'phone' | 'id_number' | 'email' | 'house_number' | 'car_plate';

/** The kinds of personal data publishing refuses outright, found in a text (none: empty). */
export function forbiddenData(text: string): ForbiddenKind[] {
  const found: ForbiddenKind[] = [];
  const test = (pattern: RegExp) => new RegExp(pattern.source, 'u').test(text);
  if (test(email)) {
    found.push('email');
  }
  if (test(idNumber)) {
    found.push('id_number');
  }
  if (test(phone)) {
    found.push('phone');
  }
  if (roomOrLane.test(text)) {
    found.push('house_number');
  }
  if (test(carPlate)) {
    found.push('car_plate');
  }
  return found;
}
