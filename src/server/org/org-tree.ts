import { sha256Hex } from '../ids.js';

// The organisation tree of one district as the import and the demo seed hand it to the writer.
// A null code means: find the existing one by name under its parent, else generate a stable one.
// `row` is the spreadsheet row the node came from, so a refusal can point at it.

/** A liaison as the tree carries it. */
export interface LiaisonNode {
  slot: 1 | 2;
  username: string;
  name: string;
  badgeNo: string;
  workPhone: string;
  row: number;
}

/** A building; code null means "find by name in its community, else generate". */
export interface BuildingNode {
  code: string | null;
  name: string;
  address: string;
  row: number;
}

/** The one room of a community or park. */
export interface RoomNode {
  code: string | null;
  name: string;
  kind: 'workroom' | 'workstation';
  address: string;
  hours: string;
  matters: string[];
  liaisons: LiaisonNode[];
}

/** A community or park; code null means "find by name in its street, else generate". */
export interface CommunityNode {
  code: string | null;
  name: string;
  kind: 'community' | 'park';
  row: number;
  room: RoomNode;
  buildings: BuildingNode[];
}

/** A street; sort undefined keeps an existing street's place and appends a new one. */
export interface StreetNode {
  code: string | null;
  name: string;
  sort?: number;
  row: number;
  communities: CommunityNode[];
}

/** A validated organisation tree of one district, ready to be written. */
export interface OrgTree {
  district: { code: string; name: string; row: number };
  streets: StreetNode[];
}

/** The number of buildings in a tree, for progress bars. */
export function countBuildings(tree: OrgTree): number {
  return tree.streets.reduce(
    (n, s) => n + s.communities.reduce((m, c) => m + c.buildings.length, 0),
    0,
  );
}

/**
 * A code derived from a name, so that importing the same file again finds the same row:
 * the parent's code, a level letter and the first 8 hex digits of the name's SHA-256.
 */
export function stableCode(parentCode: string, level: 's' | 'c' | 'b', name: string): string {
  return `${parentCode}-${level}${sha256Hex(name).slice(0, 8)}`;
}

/** The code of a community's room: one room per community, so it follows the community's. */
export function roomCodeOf(communityCode: string): string {
  return `${communityCode}-room`;
}
