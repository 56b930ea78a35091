import {
  GUIDE_PLACES_LIMIT,
  type GuidePlace,
  type GuidePlaces,
  type GuidePlacesQuery,
  type GuideTimeLimits,
} from '../../contract/guide.js';
import type { AppContext } from '../context.js';
import { listPolicies } from '../tickets/policies.js';
import * as store from './store.js';

type PlaceRow = Awaited<ReturnType<typeof store.searchPlaces>>[number];
type LiaisonRow = Awaited<ReturnType<typeof store.listLiaisonCardsOfRooms>>[number];

// How many matches are read before sorting: enough that the first page is the same on both
// engines for any search a resident types, few enough to read at once.
const SCAN_LIMIT = 200;

const names = new Intl.Collator('zh-CN', { numeric: true });

function byPlace(a: PlaceRow, b: PlaceRow): number {
  return (
    names.compare(a.communityName, b.communityName) ||
    names.compare(a.buildingName, b.buildingName) ||
    (a.buildingId < b.buildingId ? -1 : 1)
  );
}

/** A building as the guide shows it: the placard's public facts and the resident page. */
function presentPlace(row: PlaceRow, liaisons: readonly LiaisonRow[]): GuidePlace {
  return {
    building: { name: row.buildingName, address: row.buildingAddress },
    community: { name: row.communityName, kind: row.communityKind },
    street: { name: row.streetName },
    room: {
      name: row.roomName,
      kind: row.roomKind,
      address: row.roomAddress,
      hours: row.roomHours,
    },
    liaisons: liaisons
      .filter((l) => l.roomId === row.roomId)
      .map((l) => ({ name: l.name, badgeNo: l.badge_no ?? '', workPhone: l.work_phone ?? '' })),
    residentPath: `/b/${row.token}`,
  };
}

/**
 * The buildings a resident's search text finds (by building name or address, community name or
 * room address), by community and building name, at most GUIDE_PLACES_LIMIT of them.
 */
export async function findPlaces(ctx: AppContext, query: GuidePlacesQuery): Promise<GuidePlaces> {
  const text = query.q.normalize('NFC');
  const rows = await store.searchPlaces(ctx.db, text, SCAN_LIMIT);
  const shown = [...rows].sort(byPlace).slice(0, GUIDE_PLACES_LIMIT);
  const liaisons = await store.listLiaisonCardsOfRooms(ctx.db, [
    ...new Set(shown.map((r) => r.roomId)),
  ]);
  return {
    items: shown.map((row) => presentPlace(row, liaisons)),
    truncated: rows.length > GUIDE_PLACES_LIMIT,
  };
}

/**
 * The time limits of each kind of request in force now (the bureau's policy, else the defaults
 * of 沪府办〔2018〕62号 in src/domain/deadlines.ts), for the guide to tell residents.
 */
export async function timeLimits(ctx: AppContext): Promise<GuideTimeLimits> {
  const { current } = await listPolicies(ctx);
  const items = current
    .filter((p) => p.matterCode === null)
    .map((p) => ({
      kind: p.kind,
      firstContactDays: p.firstContactDays,
      resolveDays: p.resolveDays,
    }));
  return { items };
}
