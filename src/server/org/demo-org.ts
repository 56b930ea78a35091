import type { CommunityNode, LiaisonNode, OrgTree, StreetNode } from './org-tree.js';

// The Yangpu demo organisation (docs/sources.md §1). Street names, their order and the community
// names listed in docs/sources.md §1 are real; everything else (codes not found in public
// sources, generated communities, addresses, people, badges, phones) is invented, deterministic
// and marked 示例.
// Every row it produces is stored with is_demo = 1.

/** A demo administrator account. */
export interface DemoAdmin {
  username: string;
  name: string;
  role: 'bureau_admin' | 'street_admin' | 'auditor' | 'system_admin' | 'security_admin';
  streetCode: string | null;
}

/** A partner department of the demo and its one demo account. */
export interface DemoDepartment {
  code: string;
  name: string;
  username: string;
  personName: string;
}

/** The demo tree and the administrator and department accounts that go with it. */
export interface DemoOrg {
  tree: OrgTree;
  admins: DemoAdmin[];
  departments: DemoDepartment[];
}

interface StreetSeed {
  name: string;
  stem: string;
  pinyin: string;
  code?: string;
  communities?: string[];
  parks?: { name: string; address: string }[];
}

/** The district the demo seeds. */
export const demoDistrict = { code: '310110', name: '杨浦区' } as const;

// 长阳创谷 (长阳路1687号) is placed in 江浦路街道 and 杨浦滨江 in 大桥街道 from public maps
// [unverified]; docs/import-format.md says so too.
const streetSeeds: readonly StreetSeed[] = [
  { name: '定海路街道', stem: '定海', pinyin: 'dinghai' },
  { name: '平凉路街道', stem: '平凉', pinyin: 'pingliang', code: '310110006' },
  {
    name: '江浦路街道',
    stem: '江浦',
    pinyin: 'jiangpu',
    parks: [{ name: '长阳创谷', address: '杨浦区长阳路1687号（园区内工作站位置为示例）' }],
  },
  { name: '四平路街道', stem: '四平', pinyin: 'siping' },
  { name: '控江路街道', stem: '控江', pinyin: 'kongjiang' },
  { name: '长白新村街道', stem: '长白', pinyin: 'changbai' },
  {
    name: '延吉新村街道',
    stem: '延吉',
    pinyin: 'yanji',
    code: '310110015',
    communities: [
      ...['敦化路', '控江路645弄', '控江七村', '友谊新村', '松花江路', '舒兰路'],
      ...['内江新村', '延吉一村', '延吉二三村', '延吉四村', '延吉七村', '杨家浜'],
    ],
  },
  {
    name: '殷行街道',
    stem: '殷行',
    pinyin: 'yinhang',
    code: '310110016',
    communities: ['殷行一村', '殷行二村', '工农新村', '工农二村第一'],
  },
  {
    name: '大桥街道',
    stem: '大桥',
    pinyin: 'daqiao',
    parks: [{ name: '杨浦滨江', address: '杨浦区杨树浦路滨江段（示例地址）' }],
  },
  {
    name: '五角场街道',
    stem: '五角场',
    pinyin: 'wujiaochang',
    communities: [
      ...['武东', '五一', '政民', '复旦', '国定一'],
      ...['铁路新村', '国权北路', '财大', '创智坊', '三门路'],
    ],
  },
  { name: '新江湾城街道', stem: '新江湾', pinyin: 'xinjiangwancheng' },
  { name: '长海路街道', stem: '长海', pinyin: 'changhai' },
];

const surnames = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹');
const givenNames = [
  ...['伟', '芳', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛'],
  ...['明', '超', '秀英', '霞', '平', '刚', '建华', '志强', '海燕', '晓东', '文', '斌'],
  ...['颖', '浩', '佳', '俊', '雪', '鹏', '琳', '宇', '欣', '立新', '国庆', '红', '健', '蕾'],
];
const ordinals = ['一', '二', '三', '四'];
const workroomMatters = ['WFDJ', 'CZJG', 'LDDW', 'FXCD', 'QZ', 'DCLD', 'ZLHL-2', 'PHWM'];
const moreWorkroomMatters = ['DCSN', 'YJSG', 'ZXZS', 'WYBG'];
const parkMatters = ['WFDJ', 'YJSG', 'ZLHL-1', 'GBXZ', 'PHWM', 'ZLHL-3'];

/** A deterministic common Chinese name; (7n mod 30, 13n mod 40) repeats only after n = 120. */
export function demoPersonName(n: number): string {
  return `${surnames[(n * 7) % surnames.length]}${givenNames[(n * 13) % givenNames.length]}`;
}

function streetCodeOf(seed: StreetSeed, index: number): string {
  return seed.code ?? `${demoDistrict.code}-demo-${String(index + 1).padStart(2, '0')}`;
}

function communityNamesOf(seed: StreetSeed, index: number): string[] {
  if (seed.communities) {
    return seed.communities.map((n) => `${n}居委会`);
  }
  const count = 3 + (index % 2);
  return ordinals.slice(0, count).map((o) => `${seed.stem}${o}村居委会（示例）`);
}

function mattersFor(kind: 'community' | 'park', n: number): string[] {
  const pool = kind === 'park' ? parkMatters : [...workroomMatters, ...moreWorkroomMatters];
  const count = 3 + (n % 3);
  return Array.from({ length: count }, (_, i) => pool[(n + i) % pool.length] as string);
}

/** Counters shared across streets so badge numbers and names never repeat. */
interface Seq {
  person: number;
  community: number;
}

function liaisonsFor(seed: StreetSeed, count: number, seq: Seq, perStreet: { n: number }) {
  const liaisons: LiaisonNode[] = [];
  for (let slot = 1; slot <= count; slot++) {
    seq.person += 1;
    perStreet.n += 1;
    const no = String(100 + seq.person).padStart(4, '0');
    liaisons.push({
      slot: slot === 1 ? 1 : 2,
      username: `${seed.pinyin}.${perStreet.n}`,
      name: demoPersonName(seq.person),
      badgeNo: `${demoDistrict.code}-${no}`,
      workPhone: `021-6543${no}`,
      row: 0,
    });
  }
  return liaisons;
}

function communityNode(
  seed: StreetSeed,
  streetCode: string,
  place: { name: string; kind: 'community' | 'park'; address?: string; index: number },
  seq: Seq,
  perStreet: { n: number },
): CommunityNode {
  seq.community += 1;
  const mark = place.name.endsWith('（示例）') ? '（示例）' : '';
  const short = place.name.replace('（示例）', '').replace(/居委会$/, '');
  const park = place.kind === 'park';
  const code = `${streetCode}-${park ? 'p' : 'c'}${String(place.index + 1).padStart(2, '0')}`;
  const buildingCount = park ? 3 : 3 + ((seq.community * 3) % 4);
  return {
    code,
    name: place.name,
    kind: place.kind,
    row: 0,
    room: {
      code: `${code}-room`,
      name: park ? `${short}城管园区工作站` : `${short}居委会城管社区工作室${mark}`,
      kind: park ? 'workstation' : 'workroom',
      address: place.address ?? `杨浦区${short}${20 + seq.community}号居委会一楼（示例地址）`,
      hours: park ? '周一至周五 9:00-17:30' : '周一至周五 9:00-17:00',
      matters: mattersFor(place.kind, seq.community),
      liaisons: liaisonsFor(seed, place.index % 2 === 0 ? 2 : 1, seq, perStreet),
    },
    buildings: Array.from({ length: buildingCount }, (_, i) => ({
      code: `${code}-b${String(i + 1).padStart(2, '0')}`,
      name: `${short}${i + 1}号楼`,
      address: `杨浦区${short}${(i + 1) * 2 + 10}号（示例地址）`,
      row: 0,
    })),
  };
}

function streetNode(seed: StreetSeed, index: number, seq: Seq): StreetNode {
  const code = streetCodeOf(seed, index);
  const perStreet = { n: 0 };
  const places = [
    ...communityNamesOf(seed, index).map((name) => ({ name, kind: 'community' as const })),
    ...(seed.parks ?? []).map((p) => ({ ...p, kind: 'park' as const })),
  ];
  return {
    code,
    name: seed.name,
    sort: index + 1,
    row: 0,
    communities: places.map((p, i) =>
      communityNode(seed, code, { ...p, index: i }, seq, perStreet),
    ),
  };
}

// The partner departments a district bureau refers matters to (docs/sources.md §1–2), one demo
// account each (`<code>.dept`).
const departmentSeeds: readonly { code: string; name: string }[] = [
  { code: 'fangguan', name: '区住房保障房屋管理局' },
  { code: 'lvhua', name: '区绿化市容局' },
  { code: 'guihua', name: '区规划资源局' },
  { code: 'shuju', name: '区数据局' },
  { code: 'chengyun', name: '区城运中心' },
];

/**
 * Builds the Yangpu demo: 12 streets, their communities and parks, rooms, liaisons, admins, and
 * the five partner departments with one account each.
 */
export function yangpuDemo(): DemoOrg {
  const seq: Seq = { person: 0, community: 0 };
  const streets = streetSeeds.map((seed, i) => streetNode(seed, i, seq));
  const admins: DemoAdmin[] = [
    { username: 'admin', name: demoPersonName(0), role: 'bureau_admin', streetCode: null },
    { username: 'auditor', name: demoPersonName(99), role: 'auditor', streetCode: null },
    // The other two of the three separate administrators (docs/security.md).
    { username: 'sysadmin', name: demoPersonName(97), role: 'system_admin', streetCode: null },
    { username: 'secadmin', name: demoPersonName(98), role: 'security_admin', streetCode: null },
    ...streetSeeds.map((seed, i) => ({
      username: `${seed.pinyin}.admin`,
      name: demoPersonName(100 + i),
      role: 'street_admin' as const,
      streetCode: streetCodeOf(seed, i),
    })),
  ];
  return {
    tree: { district: { ...demoDistrict, row: 0 }, streets },
    admins,
    departments: departmentSeeds.map((d, i) => ({
      ...d,
      username: `${d.code}.dept`,
      personName: demoPersonName(200 + i),
    })),
  };
}

/** The demo community whose first building is the sample placard: 殷行一村, two liaisons. */
export const samplePlacardBuildingCode = '310110016-c01-b01';
