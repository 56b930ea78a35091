import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkPhone } from './import-cells.js';
import { importColumns, toImportTable, type ImportField } from './import-file.js';
import { validateImportRows } from './import-rows.js';
import { catalogueCodes } from './matters-catalogue.js';

type Row = Partial<Record<ImportField, string>>;

const base: Row = {
  district: '示例区',
  districtCode: '990001',
  street: '示例东路街道',
  community: '东湖新村居委会',
  kind: '社区',
  roomName: '东湖新村居委会城管社区工作室',
  roomAddress: '东湖路88号',
  roomHours: '周一至周五 9:00-17:00',
  liaison1Name: '陈明',
  liaison1Badge: '990001-0001',
  liaison1Phone: '0999-66001001',
  liaison1Username: 'dong.1',
  matters: 'WFDJ、LDDW',
  buildingName: '1号楼',
  buildingAddress: '东湖路90号',
};

/** Validates rows given as objects; the header is every column in its Chinese name. */
function validate(rows: Row[], columns = importColumns) {
  const grid = [
    { row: 1, cells: columns.map((c) => c.zh) },
    ...rows.map((r, i) => ({ row: i + 2, cells: columns.map((c) => r[c.field] ?? '') })),
  ];
  return validateImportRows(toImportTable(grid), catalogueCodes);
}

function pairs(rows: Row[]) {
  return validate(rows).issues.map((i) => [i.row, i.column]);
}

describe('checking work phones', () => {
  it('accepts landlines with or without area code and normalises full-width digits', () => {
    expect(checkWorkPhone('021-65431234')).toEqual({ value: '021-65431234' });
    expect(checkWorkPhone('02165431234')).toEqual({ value: '021-65431234' });
    expect(checkWorkPhone('(0571) 8765 4321')).toEqual({ value: '0571-87654321' });
    expect(checkWorkPhone('０２１－６５４３１２３４')).toEqual({ value: '021-65431234' });
    expect(checkWorkPhone('65431234转801')).toEqual({ value: '65431234-801' });
    expect(checkWorkPhone('400 820 1234')).toEqual({ value: '400-820-1234' });
  });

  it('refuses mobile numbers, which must not be printed on a placard, and nonsense', () => {
    expect(JSON.stringify(checkWorkPhone('13800138000'))).toContain('不能填写手机号码');
    expect(checkWorkPhone('+86 138 0013 8000')).toHaveProperty('problem');
    expect(checkWorkPhone('12345')).toHaveProperty('problem');
    expect(checkWorkPhone('021-1234')).toHaveProperty('problem');
  });
});

describe('validating import rows', () => {
  it('turns good rows into one district, street, community, room and its buildings', () => {
    const { tree, issues } = validate([base, { ...base, buildingName: '2号楼' }]);
    expect(issues).toEqual([]);
    const community = tree?.streets[0]?.communities[0];
    expect(community?.room).toMatchObject({ kind: 'workroom', matters: ['WFDJ', 'LDDW'] });
    expect(community?.room.liaisons.map((l) => l.username)).toEqual(['dong.1']);
    expect(community?.buildings.map((b) => b.name)).toEqual(['1号楼', '2号楼']);
  });

  it('lets later rows of a community leave the room columns blank', () => {
    const later: Row = { street: base.street, community: base.community, buildingName: '2号楼' };
    const { issues, tree } = validate([base, { ...later, buildingAddress: '东湖路92号' }]);
    expect(issues).toEqual([]);
    expect(tree?.streets[0]?.communities[0]?.buildings).toHaveLength(2);
  });

  it('refuses formula-looking cells (test/cases/formula-injection.jsonl)', () => {
    const file = path.resolve(import.meta.dirname, '../../../test/cases/formula-injection.jsonl');
    const cases = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as string);
    expect(cases).toHaveLength(7);
    const rows = cases.map((v, i) => ({ ...base, buildingName: `${i}号楼`, roomHours: v }));
    const issues = validate(rows).issues;
    expect(issues.map((i) => [i.row, i.column])).toEqual(rows.map((_, i) => [i + 2, '接待时间']));
    expect(issues[0]?.problem).toContain('公式');
  });

  it('reports a missing required column on the header row', () => {
    const columns = importColumns.filter((c) => c.field !== 'roomHours');
    expect(validate([base], columns).issues.map((i) => [i.row, i.column])).toEqual([
      [1, '接待时间'],
    ]);
  });

  it('reports a missing value, an unknown type and an unknown matter at their cells', () => {
    expect(
      pairs([
        { ...base, buildingAddress: undefined },
        { ...base, community: '二村', kind: '小区', buildingName: '2号楼' },
        { ...base, community: '三村', matters: 'WFDJ,ABC', buildingName: '3号楼' },
      ]),
    ).toEqual([
      [2, '楼栋地址'],
      [3, '类型'],
      [4, '主要执法事项'],
    ]);
  });

  it('refuses a building listed twice in one community', () => {
    expect(pairs([base, base])).toEqual([[3, '楼栋名称']]);
  });

  it('refuses one user name for two different people', () => {
    const other = { ...base, community: '二村', liaison1Name: '李静', buildingName: '2号楼' };
    const issues = validate([base, other]).issues;
    expect(issues.map((i) => [i.row, i.column])).toEqual([[3, '联络员1用户名']]);
    expect(issues[0]?.problem).toContain('另一位联络员');
  });

  it('accepts one liaison serving two communities of the same street', () => {
    expect(pairs([base, { ...base, community: '二村', buildingName: '2号楼' }])).toEqual([]);
  });

  it('asks for every column of the second liaison once one is given', () => {
    expect(pairs([{ ...base, liaison2Name: '李静' }])).toEqual([
      [2, '联络员2胸牌号'],
      [2, '联络员2工作电话'],
      [2, '联络员2用户名'],
    ]);
  });

  it('refuses two districts in one file, one street code twice, one liaison in two streets', () => {
    const second = { ...base, district: '别的区', buildingName: '2号楼' };
    const codes = [
      { ...base, streetCode: '990001001' },
      {
        ...base,
        street: '西路街道',
        streetCode: '990001001',
        community: '西村',
        buildingName: '9',
      },
    ].map((r, i) => ({ ...r, liaison1Username: `u.${i}`, liaison1Badge: `b${i}` }));
    const twoStreets = [
      base,
      { ...base, street: '西路街道', community: '西村', buildingName: '9' },
    ];
    expect(pairs([base, second])).toEqual([[3, '区']]);
    expect(pairs(codes)).toEqual([[3, '街道代码']]);
    expect(pairs(twoStreets)).toEqual([[3, '联络员1用户名']]);
  });

  it('refuses control and direction characters that would disguise a name', () => {
    expect(pairs([{ ...base, buildingName: '照片\u202Egpj.exe' }])).toEqual([[2, '楼栋名称']]);
  });
});
