// What the placards of a scope print now, read from the organisation tree: the place, the room's
// address and hours, its liaisons and main matters (实施办法 四(一)), and the QR token.
import {
  canonicalContent,
  districtShortName,
  type PlacardContent,
  type PlacardLiaison,
} from '../../domain/placard-rules.js';
import { sha256Hex } from '../ids.js';
import * as store from './store.js';
import type { Executor, PlacardScopeRef, ScopeBuildingRow } from './store.js';

/** One building's placard as it would be printed now. */
export interface PlacardItem {
  buildingId: string;
  communityCode: string;
  token: string;
  content: PlacardContent;
  /** SHA-256 of the canonical content, without the token. */
  contentHash: string;
  /** The fingerprint of content and token; the PDF prints its first 8 characters. */
  version: string;
}

/** The fingerprint of a placard: its content hash and its token together. */
export function placardVersion(contentHash: string, token: string): string {
  return sha256Hex(`${contentHash}:${token}`);
}

function groupByRoom<T extends { roomId: string }>(rows: readonly T[]): Map<string, T[]> {
  const byRoom = new Map<string, T[]>();
  for (const row of rows) {
    const list = byRoom.get(row.roomId) ?? [];
    list.push(row);
    byRoom.set(row.roomId, list);
  }
  return byRoom;
}

function contentOf(
  b: ScopeBuildingRow,
  liaisons: { name: string; badgeNo: string | null; workPhone: string | null; isDemo: number }[],
  matters: string[],
): PlacardContent {
  const printed: PlacardLiaison[] = liaisons.map((l) => ({
    name: l.name,
    badgeNo: l.badgeNo ?? '',
    workPhone: l.workPhone ?? '',
  }));
  return {
    district: districtShortName(b.districtName),
    street: b.streetName,
    community: b.communityName,
    building: { code: b.buildingCode, name: b.buildingName, address: b.buildingAddress },
    room: { name: b.roomName, kind: b.roomKind, address: b.roomAddress, hours: b.roomHours },
    liaisons: printed,
    matters,
    // Demo rows carry invented phone numbers (src/server/org/demo-org.ts).
    demo: b.buildingDemo === 1 || b.districtDemo === 1 || liaisons.some((l) => l.isDemo === 1),
  };
}

// 2号楼 before 10号楼: imported building codes are hashes, so pages follow the names.
const names = new Intl.Collator('zh-CN', { numeric: true });

function byPlace(a: ScopeBuildingRow, b: ScopeBuildingRow): number {
  if (a.communityCode !== b.communityCode) {
    return a.communityCode < b.communityCode ? -1 : 1;
  }
  return (
    names.compare(a.buildingName, b.buildingName) || (a.buildingCode < b.buildingCode ? -1 : 1)
  );
}

/** The placards of the active buildings of a scope, by community code, then building name. */
export async function loadPlacardItems(
  ex: Executor,
  scope: PlacardScopeRef,
): Promise<PlacardItem[]> {
  const buildings = await store.listScopeBuildings(ex, scope);
  const roomIds = [...new Set(buildings.map((b) => b.roomId))];
  const [liaisons, matters] = await Promise.all([
    store.listLiaisonsOfRooms(ex, roomIds),
    store.listMattersOfRooms(ex, roomIds),
  ]);
  const liaisonsOf = groupByRoom(liaisons);
  const mattersOf = groupByRoom(matters);
  return [...buildings].sort(byPlace).map((b) => {
    const content = contentOf(
      b,
      liaisonsOf.get(b.roomId) ?? [],
      (mattersOf.get(b.roomId) ?? []).map((m) => m.name),
    );
    const contentHash = sha256Hex(canonicalContent(content));
    return {
      buildingId: b.buildingId,
      communityCode: b.communityCode,
      token: b.token,
      content,
      contentHash,
      version: placardVersion(contentHash, b.token),
    };
  });
}
