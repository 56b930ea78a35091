import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv, readImportFile, toImportTable } from './import-file.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-file-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('reading CSV', () => {
  it('handles quotes, doubled quotes, line breaks inside quotes and every line ending', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\rlast,';
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', 'z'],
      ['last', ''],
    ]);
  });

  it('numbers rows as the spreadsheet does, skips blank rows and accepts English headers', () => {
    const table = toImportTable([
      { row: 1, cells: ['street', '楼栋名称', 'unknown'] },
      { row: 2, cells: ['', '', ''] },
      { row: 3, cells: [' 殷行街道\u200B ', '　1号楼　', 'ignored'] },
    ]);
    expect(table.headers.get('street')).toBe('street');
    expect(table.rows).toEqual([{ row: 3, cells: { street: '殷行街道', buildingName: '1号楼' } }]);
  });

  it('refuses a CSV that is not UTF-8 with a hint to save it as CSV UTF-8', async () => {
    const file = path.join(dir, 'gbk.csv');
    writeFileSync(file, Buffer.from([0xc7, 0xf8, 0x2c, 0xbd, 0xd6, 0xb5, 0xc0, 0x0a]));
    const error: unknown = await readImportFile(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_request', details: [{ field: 'file' }] });
    expect(JSON.stringify(error)).toContain('CSV UTF-8');
  });

  it('refuses a file whose first row is not the header', () => {
    expect(() => toImportTable([{ row: 2, cells: ['区'] }])).toThrow();
  });
});

describe('reading xlsx', () => {
  it('reads the first sheet: numbers, rich text and formulas as a person sees them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('组织');
    sheet.addRow(['区划代码', '街道', '楼栋名称']);
    sheet.addRow([310110, { richText: [{ text: '殷行' }, { text: '街道' }] }, '1号楼']);
    sheet.addRow([]);
    sheet.addRow([310110, '殷行街道', { formula: 'HYPERLINK("http://example.invalid")' }]);
    workbook.addWorksheet('second').addRow(['ignored']);
    const file = path.join(dir, 'cells.xlsx');
    await workbook.xlsx.writeFile(file);
    const table = await readImportFile(file);
    expect(table.rows).toEqual([
      { row: 2, cells: { districtCode: '310110', street: '殷行街道', buildingName: '1号楼' } },
      {
        row: 4,
        cells: {
          districtCode: '310110',
          street: '殷行街道',
          buildingName: '=HYPERLINK("http://example.invalid")',
        },
      },
    ]);
  });

  it('refuses a broken xlsx and other file types', async () => {
    const broken = path.join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a zip');
    await expect(readImportFile(broken)).rejects.toMatchObject({ code: 'bad_request' });
    const xls = path.join(dir, 'old.xls');
    writeFileSync(xls, 'x');
    await expect(readImportFile(xls)).rejects.toMatchObject({ code: 'bad_request' });
  });
});
