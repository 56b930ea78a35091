import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBuilding, createStaff, openTestDatabase } from '../../../test/factories.js';
import { importOrgCommand } from '../../cli/import-org.js';
import { verifyPassword } from '../accounts/passwords.js';
import type { DatabaseHandle } from '../db/database.js';
import { readImportFile } from './import-file.js';
import { stableCode } from './org-tree.js';
import { getPlacard, importOrg, listStreetsOfDistrict, type ImportReport } from './service.js';
import * as store from './store.js';

const csvExample = path.resolve('examples/org-import.csv');
const xlsxExample = path.resolve('examples/org-import.xlsx');
const exampleLines = readFileSync(csvExample, 'utf8').split('\r\n');

const expectedCounts = {
  district: { created: 1, updated: 0 },
  street: { created: 2, updated: 0 },
  community: { created: 4, updated: 0 },
  room: { created: 4, updated: 0 },
  liaison: { created: 5, updated: 0 },
  building: { created: 8, updated: 0 },
};
const unchanged = Object.fromEntries(
  Object.keys(expectedCounts).map((level) => [level, { created: 0, updated: 0 }]),
);

let handle: DatabaseHandle;
let dir: string;

beforeEach(async () => {
  handle = await openTestDatabase();
});

afterEach(async () => {
  await handle.close();
});

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'linli-import-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function importFile(file: string): Promise<ImportReport> {
  return importOrg(handle.db, await readImportFile(file));
}

/** Writes the example CSV with some lines replaced (line index 0 is the header). */
function exampleWith(name: string, replace: Record<number, (line: string) => string>): string {
  const lines = exampleLines.map((line, i) => replace[i]?.(line) ?? line);
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

function collector() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}

async function tableCounts() {
  const tables = ['districts', 'streets', 'communities', 'rooms', 'staff', 'buildings'] as const;
  return Promise.all(tables.map((t) => store.countRows(handle.db, t)));
}

describe('importing the example organisation file', () => {
  it('creates exactly the district, streets, communities, rooms, liaisons, buildings', async () => {
    const report = await importFile(csvExample);
    expect(report.issues).toEqual([]);
    expect(report.counts).toEqual(expectedCounts);
    expect(await tableCounts()).toEqual([1, 2, 4, 4, 5, 8]);
    const streets = await listStreetsOfDistrict(handle.db, '990001');
    expect(streets.map((s) => s.name)).toEqual(['示例东路街道', '示例西路街道']);
    expect(streets[0]?.code).toBe('990001001');
    expect(streets[1]?.code).toMatch(/^990001-s[0-9a-f]{8}$/);
  });

  it('gives each new liaison a random initial password that is stored only as a hash', async () => {
    const report = await importFile(csvExample);
    expect(report.newAccounts.map((a) => a.username).sort()).toEqual([
      'dong.1',
      'dong.2',
      'dong.3',
      'xi.1',
      'xi.2',
    ]);
    const first = report.newAccounts.find((a) => a.username === 'dong.1');
    const staff = await store.findStaffByUsername(handle.db, 'dong.1');
    expect(first?.password).toMatch(/^[0-9A-Z]{12}$/);
    expect(staff?.password_hash).not.toContain(first?.password ?? '-');
    expect(await verifyPassword(staff?.password_hash ?? '', first?.password ?? '')).toBe(true);
    expect(staff).toMatchObject({ role: 'liaison', badge_no: '990001-0001', is_demo: 0 });
  });

  it('builds placards that show the room, its liaisons and its matters', async () => {
    await importFile(csvExample);
    const community = await store.findCommunityByName(
      handle.db,
      (await listStreetsOfDistrict(handle.db, '990001'))[0]?.id ?? '',
      '东湖新村居委会',
    );
    const building = await store.findBuildingByName(
      handle.db,
      community?.id ?? '',
      '东湖新村2号楼',
    );
    const placard = await getPlacard(handle.db, building?.placard_token ?? '');
    expect(placard.room.hours).toBe('周一至周五 9:00-17:00, 周六 9:00-12:00');
    expect(placard.liaisons).toEqual([
      { name: '陈明', badgeNo: '990001-0001', workPhone: '0999-66001001' },
      { name: '李静', badgeNo: '990001-0002', workPhone: '0999-66001002' },
    ]);
    expect(placard.matters.map((m) => m.code)).toEqual(['WFDJ', 'CZJG', 'LDDW', 'FXCD']);
  });

  it('changes nothing and duplicates nothing when the same file is imported again', async () => {
    await importFile(csvExample);
    const before = await tableCounts();
    const again = await importFile(csvExample);
    expect(again.ok).toBe(true);
    expect(again.counts).toEqual(unchanged);
    expect(again.newAccounts).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });

  it('imports the xlsx example exactly as the CSV example', async () => {
    const fromXlsx = await importFile(xlsxExample);
    expect(fromXlsx.counts).toEqual(expectedCounts);
    const csvAfterXlsx = await importFile(csvExample);
    expect(csvAfterXlsx.counts).toEqual(unchanged);
  });

  it('updates only what changed: one building address', async () => {
    await importFile(csvExample);
    const file = exampleWith('moved.csv', { 8: (l) => l.replace('西河路204号', '西河路206号') });
    const report = await importFile(file);
    expect(report.counts.building).toEqual({ created: 0, updated: 1 });
    expect(report.counts.room).toEqual({ created: 0, updated: 0 });
  });
});

describe('refusing a bad organisation file', () => {
  // Line index i of the file is spreadsheet row i + 1.
  const bad = {
    2: (l: string) => l.replace('WFDJ、CZJG、LDDW、FXCD', 'WFDJ、QQQQ'),
    4: (l: string) => l.replace('0999-66001001', '13800138000'),
    6: (l: string) => l.replace(',园区,', ',工厂,'),
  };

  it('reports exactly the three bad rows and writes nothing', async () => {
    const report = await importFile(exampleWith('bad.csv', bad));
    expect(report.ok).toBe(false);
    expect(report.issues.map((i) => [i.row, i.column])).toEqual([
      [3, '主要执法事项'],
      [5, '联络员1工作电话'],
      [7, '类型'],
    ]);
    expect(report.issues[0]?.problem).toContain('QQQQ');
    expect(report.issues[1]?.problem).toContain('手机');
    expect(await tableCounts()).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('prints the bad rows as a Chinese table and exits with code 1', async () => {
    const out = collector();
    const code = await importOrgCommand(handle, exampleWith('bad2.csv', bad), out);
    expect(code).toBe(1);
    expect(out.text()).toMatch(/行\s+列\s+问题/);
    expect(out.text()).toContain('3 处问题');
    expect(out.text()).toMatch(/\n7\s+类型\s+类型须为“社区”或“园区”。/);
  });

  it('reports a bad row again after a good import and leaves the data as it was', async () => {
    await importFile(csvExample);
    const before = await tableCounts();
    const report = await importFile(exampleWith('bad3.csv', { 2: (l) => `${l},多余` }));
    expect(report.ok).toBe(true);
    const refused = await importFile(exampleWith('bad4.csv', bad));
    expect(refused.issues).toHaveLength(3);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a user name that belongs to an administrator, and rolls back', async () => {
    await createStaff(handle.db, { username: 'xi.2', role: 'street_admin' });
    const report = await importFile(csvExample);
    expect(report.issues.map((i) => [i.row, i.column])).toEqual([[8, '联络员2用户名']]);
    expect(await tableCounts()).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it('rolls everything back when the database fails half way', async () => {
    const community = stableCode('990001001', 'c', '东湖新村居委会');
    await createBuilding(handle.db, { code: stableCode(community, 'b', '东湖新村3号楼') });
    const before = await tableCounts();
    const out = collector();
    expect(await importOrgCommand(handle, csvExample, out)).toBe(1);
    expect(out.text()).toContain('已全部回滚');
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses rows of one community that disagree on the room', async () => {
    const file = exampleWith('conflict.csv', { 2: (l) => l.replace('居委会一楼', '居委会二楼') });
    const report = await importFile(file);
    expect(report.issues.map((i) => [i.row, i.column])).toEqual([[3, '工作室地址']]);
  });
});

describe('the import-org command', () => {
  it('prints the counts per level and the initial passwords, and exits with 0', async () => {
    const out = collector();
    expect(await importOrgCommand(handle, csvExample, out)).toBe(0);
    expect(out.text()).toMatch(/楼栋\s+8\s+0/);
    expect(out.text()).toMatch(/dong\.1\s+陈明\s+[0-9A-Z]{12}/);
    const again = collector();
    expect(await importOrgCommand(handle, csvExample, again)).toBe(0);
    expect(again.text()).toContain('没有任何变化');
    expect(again.text()).not.toContain('初始密码');
  });

  it('refuses a file that is neither .xlsx nor .csv', async () => {
    const out = collector();
    const file = path.join(dir, 'org.txt');
    writeFileSync(file, 'x');
    expect(await importOrgCommand(handle, file, out)).toBe(1);
    expect(out.text()).toContain('只接受 .xlsx 或 .csv 文件');
  });
});
