import { checkCell, type CellProblem } from './import-cells.js';
import { columnName, headerIssues, importColumns } from './import-file.js';
import type { ImportField, ImportIssue, ImportRow, ImportTable } from './import-file.js';
import type { BuildingNode, CommunityNode, LiaisonNode, OrgTree, StreetNode } from './org-tree.js';

export type { ImportIssue } from './import-file.js';

interface Attr {
  value?: string;
  row: number;
}

interface Group {
  row: number;
  attrs: Map<ImportField, Attr>;
}

interface CommunityGroup extends Group {
  street: string;
  name: string;
  buildings: Map<string, BuildingNode>;
}

interface State {
  table: ImportTable;
  matterCodes: ReadonlySet<string>;
  issues: ImportIssue[];
  district: Group | null;
  streets: Map<string, Group>;
  communities: Map<string, CommunityGroup>;
}

/** The fields that belong to a community: its code, type, room, liaisons and matters. */
const placeFields = new Set<ImportField>(['district', 'districtCode', 'street', 'streetCode']);
const communityFields: readonly ImportField[] = importColumns
  .map((c) => c.field)
  .filter(
    (f) => !placeFields.has(f) && !['community', 'buildingName', 'buildingAddress'].includes(f),
  );

/** Why two rows must agree, in both languages. */
type Scope = readonly [string, string];
const scopes = {
  district: ['一个文件只能导入一个区', 'one file holds one district'],
  street: ['同一街道的各行须一致', 'rows of one street must agree'],
  community: ['同一社区的工作室和联络员须一致', 'rows of one community must agree'],
} as const satisfies Record<string, Scope>;

const optionalFields = new Set<ImportField>(
  importColumns.filter((c) => !c.required).map((c) => c.field),
);

/**
 * Checks every row and collects every bad cell; the tree is returned only when there is none,
 * so a file with one mistake writes nothing.
 */
export function validateImportRows(
  table: ImportTable,
  matterCodes: ReadonlySet<string>,
  onRow?: (done: number, total: number) => void,
): { tree: OrgTree | null; issues: ImportIssue[] } {
  const state: State = {
    table,
    matterCodes,
    issues: headerIssues(table),
    district: null,
    streets: new Map(),
    communities: new Map(),
  };
  if (state.issues.length > 0) {
    return { tree: null, issues: state.issues };
  }
  if (table.rows.length === 0) {
    state.issues.push(
      issueAt(state, 2, 'district', '文件中没有数据行。', 'The file has no data rows.'),
    );
  }
  table.rows.forEach((row, i) => {
    readRow(state, row);
    onRow?.(i + 1, table.rows.length);
  });
  checkGroups(state);
  checkCodes(state);
  const liaisons = collectLiaisons(state);
  if (state.issues.length > 0) {
    return { tree: null, issues: state.issues.sort((a, b) => a.row - b.row) };
  }
  return { tree: buildTree(state, liaisons), issues: [] };
}

function issueAt(s: State, row: number, field: ImportField, zh: string, en: string): ImportIssue {
  return { row, column: columnName(s.table, field), problem: zh, problemEn: en };
}

/** Reads one row: each cell is checked, then merged into its district, street and community. */
function readRow(s: State, row: ImportRow): void {
  const values = new Map<ImportField, string | null>();
  for (const column of importColumns) {
    const raw = row.cells[column.field];
    if (raw === undefined) {
      continue;
    }
    const checked = checkCell(column.field, raw, s.matterCodes);
    values.set(column.field, 'value' in checked ? checked.value : null);
    if ('problem' in checked) {
      s.issues.push(problemAt(s, row.row, column.field, checked));
    }
  }
  const keys = requireKeys(s, row.row, values);
  if (!keys) {
    return;
  }
  s.district ??= { row: row.row, attrs: new Map() };
  merge(s, s.district, row.row, values, ['district', 'districtCode'], scopes.district);
  const street = s.streets.get(keys.street) ?? { row: row.row, attrs: new Map() };
  s.streets.set(keys.street, street);
  merge(s, street, row.row, values, ['streetCode'], scopes.street);
  const community = communityOf(s, keys.street, keys.community, row.row);
  merge(s, community, row.row, values, communityFields, scopes.community);
  addBuilding(s, community, row.row, keys.building, values.get('buildingAddress'));
}

function problemAt(s: State, row: number, field: ImportField, p: CellProblem): ImportIssue {
  return issueAt(s, row, field, p.problem, p.problemEn);
}

function missingIssue(s: State, row: number, field: ImportField): ImportIssue {
  const name = columnName(s.table, field);
  return issueAt(s, row, field, `「${name}」不能为空。`, `"${name}" must not be empty.`);
}

/** The cells that place a row; each must be filled on every row. */
function requireKeys(s: State, row: number, values: Map<ImportField, string | null>) {
  const keyFields = ['street', 'community', 'buildingName', 'buildingAddress'] as const;
  for (const field of keyFields) {
    if (!values.has(field)) {
      s.issues.push(missingIssue(s, row, field));
    }
  }
  const [street, community, building] = keyFields.map((f) => values.get(f));
  if (!street || !community || !building) {
    return null;
  }
  return { street, community, building };
}

function communityOf(s: State, street: string, name: string, row: number): CommunityGroup {
  const key = `${street}\u0000${name}`;
  const found = s.communities.get(key);
  if (found) {
    return found;
  }
  const created = { row, street, name, attrs: new Map(), buildings: new Map() };
  s.communities.set(key, created);
  return created;
}

/** Takes the first good value of each field; a later different value is a conflict. */
function merge(
  s: State,
  group: Group,
  row: number,
  values: Map<ImportField, string | null>,
  fields: readonly ImportField[],
  scope: Scope,
): void {
  for (const field of fields) {
    if (!values.has(field)) {
      continue;
    }
    const value = values.get(field) ?? undefined;
    const attr = group.attrs.get(field);
    if (!attr || (attr.value === undefined && value !== undefined)) {
      group.attrs.set(field, { value, row });
      continue;
    }
    if (value !== undefined && attr.value !== value) {
      s.issues.push(conflictIssue(s, row, field, attr, value, scope));
    }
  }
}

function conflictIssue(
  s: State,
  row: number,
  field: ImportField,
  first: Attr,
  value: string,
  scope: Scope,
): ImportIssue {
  const name = columnName(s.table, field);
  return issueAt(
    s,
    row,
    field,
    `「${name}」与第 ${first.row} 行不一致：“${first.value}”与“${value}”（${scope[0]}）。`,
    `"${name}" differs from row ${first.row}: "${first.value}" vs "${value}" (${scope[1]}).`,
  );
}

function addBuilding(
  s: State,
  community: CommunityGroup,
  row: number,
  name: string,
  address: string | null | undefined,
): void {
  const earlier = community.buildings.get(name);
  if (earlier) {
    s.issues.push(
      issueAt(
        s,
        row,
        'buildingName',
        `同一社区中楼栋“${name}”重复（已在第 ${earlier.row} 行）。`,
        `The building "${name}" is listed twice in this community (first on row ${earlier.row}).`,
      ),
    );
    return;
  }
  community.buildings.set(name, { code: null, name, address: address ?? '', row });
}

/** After all rows: each district, street and community field that no row filled is reported. */
function checkGroups(s: State): void {
  const groups: [Group | null, readonly ImportField[]][] = [
    [s.district, ['district', 'districtCode']],
    ...[...s.communities.values()].map((c): [Group, ImportField[]] => [c, requiredOf(c)]),
  ];
  for (const [group, fields] of groups) {
    for (const field of fields) {
      if (group && !group.attrs.has(field)) {
        s.issues.push(missingIssue(s, group.row, field));
      }
    }
  }
}

/** Two streets, or two communities, cannot share one code. */
function checkCodes(s: State): void {
  const groups: (readonly [Group, 'streetCode' | 'communityCode'])[] = [
    ...[...s.streets.values()].map((g) => [g, 'streetCode'] as const),
    ...[...s.communities.values()].map((g) => [g, 'communityCode'] as const),
  ];
  const owner = new Map<string, Attr>();
  for (const [group, field] of groups) {
    const attr = group.attrs.get(field);
    const earlier = attr?.value ? owner.get(`${field}:${attr.value}`) : undefined;
    const what = field === 'streetCode' ? '街道' : '社区';
    if (attr?.value && earlier) {
      const zh = `代码“${attr.value}”已在第 ${earlier.row} 行用于另一个${what}。`;
      const en = `The code "${attr.value}" is used on row ${earlier.row} for another one.`;
      s.issues.push(issueAt(s, attr.row, field, zh, en));
    } else if (attr?.value) {
      owner.set(`${field}:${attr.value}`, attr);
    }
  }
}

/** Community fields that must be filled: the required ones, and all of liaison 2's if any. */
function requiredOf(c: CommunityGroup): ImportField[] {
  const second = communityFields.filter((f) => f.startsWith('liaison2'));
  const hasSecond = second.some((f) => c.attrs.has(f));
  return communityFields.filter(
    (f) => !optionalFields.has(f) || (hasSecond && f.startsWith('liaison2')),
  );
}

function attrValue(group: Group, field: ImportField): string {
  return group.attrs.get(field)?.value ?? '';
}

/** Builds each community's liaisons and refuses one user name or badge for two people. */
function collectLiaisons(s: State): Map<CommunityGroup, LiaisonNode[]> {
  const byCommunity = new Map<CommunityGroup, LiaisonNode[]>();
  const byUsername = new Map<string, { node: LiaisonNode; street: string }>();
  const byBadge = new Map<string, LiaisonNode>();
  for (const c of s.communities.values()) {
    const nodes: LiaisonNode[] = [];
    for (const n of ['1', '2'] as const) {
      const node = liaisonOf(c, n);
      if (node && checkLiaison(s, n, node, c, nodes, byUsername, byBadge)) {
        nodes.push(node);
      }
    }
    byCommunity.set(c, nodes);
  }
  return byCommunity;
}

function liaisonOf(c: CommunityGroup, n: '1' | '2'): LiaisonNode | null {
  const username = c.attrs.get(`liaison${n}Username`);
  if (!username?.value) {
    return null;
  }
  return {
    slot: n === '1' ? 1 : 2,
    username: username.value,
    name: attrValue(c, `liaison${n}Name`),
    badgeNo: attrValue(c, `liaison${n}Badge`),
    workPhone: attrValue(c, `liaison${n}Phone`),
    row: username.row,
  };
}

function checkLiaison(
  s: State,
  n: '1' | '2',
  node: LiaisonNode,
  c: CommunityGroup,
  sameRoom: LiaisonNode[],
  byUsername: Map<string, { node: LiaisonNode; street: string }>,
  byBadge: Map<string, LiaisonNode>,
): boolean {
  const usernameField = `liaison${n}Username` as const;
  const earlier = byUsername.get(node.username);
  const fail = (field: ImportField, zh: string, en: string) => {
    s.issues.push(issueAt(s, node.row, field, zh, en));
    return false;
  };
  if (sameRoom.some((o) => o.username === node.username)) {
    return fail(
      usernameField,
      '同一工作室的两名联络员用户名相同。',
      'Both liaisons share a user name.',
    );
  }
  if (earlier && !samePerson(earlier.node, node)) {
    return fail(
      usernameField,
      `用户名“${node.username}”已在第 ${earlier.node.row} 行用于另一位联络员（姓名、胸牌号或工作电话不同）。`,
      `User name "${node.username}" is used on row ${earlier.node.row} for a different person.`,
    );
  }
  if (earlier && earlier.street !== c.street) {
    return fail(
      usernameField,
      `联络员“${node.username}”不能同时属于两个街道（第 ${earlier.node.row} 行为“${earlier.street}”）。`,
      `Liaison "${node.username}" cannot belong to two streets (see row ${earlier.node.row}).`,
    );
  }
  const badgeOwner = byBadge.get(node.badgeNo);
  if (badgeOwner && badgeOwner.username !== node.username) {
    return fail(
      `liaison${n}Badge`,
      `胸牌号“${node.badgeNo}”已在第 ${badgeOwner.row} 行用于联络员“${badgeOwner.username}”。`,
      `Badge "${node.badgeNo}" is used on row ${badgeOwner.row} by "${badgeOwner.username}".`,
    );
  }
  byUsername.set(node.username, earlier ?? { node, street: c.street });
  byBadge.set(node.badgeNo, badgeOwner ?? node);
  return true;
}

function samePerson(a: LiaisonNode, b: LiaisonNode): boolean {
  return a.name === b.name && a.badgeNo === b.badgeNo && a.workPhone === b.workPhone;
}

function buildTree(s: State, liaisons: Map<CommunityGroup, LiaisonNode[]>): OrgTree {
  const district = s.district as Group;
  const streets = new Map<string, StreetNode>();
  for (const [name, group] of s.streets) {
    const code = attrValue(group, 'streetCode') || null;
    streets.set(name, { code, name, row: group.row, communities: [] });
  }
  for (const c of s.communities.values()) {
    streets.get(c.street)?.communities.push(communityNode(c, liaisons.get(c) ?? []));
  }
  return {
    district: {
      code: attrValue(district, 'districtCode'),
      name: attrValue(district, 'district'),
      row: district.row,
    },
    streets: [...streets.values()],
  };
}

function communityNode(c: CommunityGroup, liaisons: LiaisonNode[]): CommunityNode {
  const kind = attrValue(c, 'kind') === 'park' ? 'park' : 'community';
  return {
    code: attrValue(c, 'communityCode') || null,
    name: c.name,
    kind,
    row: c.row,
    room: {
      code: null,
      name: attrValue(c, 'roomName'),
      kind: kind === 'park' ? 'workstation' : 'workroom',
      address: attrValue(c, 'roomAddress'),
      hours: attrValue(c, 'roomHours'),
      matters: attrValue(c, 'matters').split(','),
      liaisons,
    },
    buildings: [...c.buildings.values()],
  };
}
