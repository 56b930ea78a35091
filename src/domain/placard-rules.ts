// What a building's placard (联络牌, 附件2 of the implementation measures) says, and when a printed
// one is out of date. Pure: the content and the clock are passed in.
import { shanghaiDate } from './working-calendar.js';

/** A liaison as the placard prints them (实施办法 四(一): 姓名、联系方式). */
export interface PlacardLiaison {
  name: string;
  badgeNo: string;
  workPhone: string;
}

/** Everything a placard prints except its QR code's address. */
export interface PlacardContent {
  /** The district's short name for the title, e.g. 杨浦 (districtShortName). */
  district: string;
  street: string;
  community: string;
  building: { code: string; name: string; address: string };
  room: { name: string; kind: 'workroom' | 'workstation'; address: string; hours: string };
  liaisons: PlacardLiaison[];
  /** The names of the room's main enforcement matters, in placard order. */
  matters: string[];
  /** Demo data: the phone numbers are invented, so the placard says it must not be posted. */
  demo: boolean;
}

/** What a placard point last printed, and what its last check found. */
export interface PrintedState {
  printedAt: string | null;
  contentHash: string | null;
  token: string | null;
  lastCheckedAt: string | null;
  lastCheckResult: 'ok' | 'damaged' | 'missing' | 'outdated' | null;
}

/** Why a point must be printed again; the contract lists the same values. */
export type ReprintReason =
  | 'never_printed'
  | 'content_changed'
  | 'token_rotated'
  | 'found_damaged'
  | 'found_missing'
  | 'found_outdated';

const DAY_MS = 24 * 3600 * 1000;

// Longest first, so 浦东新区 loses 新区 rather than 区.
const districtSuffixes = ['新区', '自治县', '区', '县', '市'];

/**
 * The short name a placard title uses: the district name without its administrative suffix
 * (杨浦区 → 杨浦, 浦东新区 → 浦东), as 附件2 titles it 杨浦“城管进社区”工作联络牌. A name that would
 * keep fewer than two characters is kept whole.
 */
export function districtShortName(name: string): string {
  const trimmed = name.trim();
  for (const suffix of districtSuffixes) {
    const rest = trimmed.slice(0, -suffix.length);
    if (trimmed.endsWith(suffix) && [...rest].length >= 2) {
      return rest;
    }
  }
  return trimmed;
}

/** The title of a placard, 附件2: 杨浦“城管进社区”工作联络牌. */
export function placardTitle(districtShort: string): string {
  return `${districtShort}“城管进社区”工作联络牌`;
}

/**
 * The content as one canonical text, fields in a fixed order, so that its hash changes exactly
 * when something printed changes (a name, badge, phone, address, hours or matter).
 */
export function canonicalContent(c: PlacardContent): string {
  return JSON.stringify([
    c.district,
    c.street,
    c.community,
    [c.building.code, c.building.name, c.building.address],
    [c.room.name, c.room.kind, c.room.address, c.room.hours],
    c.liaisons.map((l) => [l.name, l.badgeNo, l.workPhone]),
    c.matters,
    c.demo,
  ]);
}

const foundReason = {
  damaged: 'found_damaged',
  missing: 'found_missing',
  outdated: 'found_outdated',
} as const;

/**
 * Why a printed placard point no longer serves: never printed; its content or QR token differs
 * from the current ones; or a check since the last print found it damaged, missing or outdated.
 * An empty list means the placard on the wall is current.
 */
export function reprintReasonsOf(
  printed: PrintedState | null,
  current: { contentHash: string; token: string },
): ReprintReason[] {
  if (!printed?.printedAt) {
    return ['never_printed'];
  }
  const reasons: ReprintReason[] = [];
  if (printed.contentHash !== current.contentHash) {
    reasons.push('content_changed');
  }
  if (printed.token !== current.token) {
    reasons.push('token_rotated');
  }
  const result = printed.lastCheckResult;
  const checkedSince = printed.lastCheckedAt !== null && printed.lastCheckedAt > printed.printedAt;
  if (checkedSince && result && result !== 'ok') {
    reasons.push(foundReason[result]);
  }
  return reasons;
}

/**
 * Whether a point has gone unchecked for at least `days` calendar days in Asia/Shanghai: never
 * checked, or last checked on a date `days` or more days before today.
 */
export function uncheckedFor(lastCheckedAt: string | null, days: number, now: Date): boolean {
  if (!lastCheckedAt) {
    return true;
  }
  const cutoff = shanghaiDate(new Date(now.getTime() - days * DAY_MS));
  return shanghaiDate(new Date(lastCheckedAt)) <= cutoff;
}
