import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError, fieldIssue } from '../errors.js';

/** One column of the organisation import file (docs/import-format.md). */
export interface ImportColumn {
  field: ImportField;
  zh: string;
  en: string;
  required: boolean;
}

const liaisonFields = ['Name', 'Badge', 'Phone', 'Username'] as const;
type LiaisonField = `liaison${1 | 2}${(typeof liaisonFields)[number]}`;

/** The fields a row of the import file can carry. */
export type ImportField =
  | 'district'
  | 'districtCode'
  | 'street'
  | 'streetCode'
  | 'community'
  | 'communityCode'
  | 'kind'
  | 'roomName'
  | 'roomAddress'
  | 'roomHours'
  | LiaisonField
  | 'matters'
  | 'buildingName'
  | 'buildingAddress';

function liaisonColumns(n: 1 | 2): ImportColumn[] {
  const zh = { Name: '姓名', Badge: '胸牌号', Phone: '工作电话', Username: '用户名' };
  const en = { Name: 'name', Badge: 'badge_no', Phone: 'work_phone', Username: 'username' };
  return liaisonFields.map((f) => ({
    field: `liaison${n}${f}` as const,
    zh: `联络员${n}${zh[f]}`,
    en: `liaison${n}_${en[f]}`,
    required: n === 1,
  }));
}

/** Every column in the order the example files use; Chinese headers first, English accepted. */
export const importColumns: readonly ImportColumn[] = [
  { field: 'district', zh: '区', en: 'district', required: true },
  { field: 'districtCode', zh: '区划代码', en: 'district_code', required: true },
  { field: 'street', zh: '街道', en: 'street', required: true },
  { field: 'streetCode', zh: '街道代码', en: 'street_code', required: false },
  { field: 'community', zh: '社区/园区', en: 'community', required: true },
  { field: 'communityCode', zh: '社区代码', en: 'community_code', required: false },
  { field: 'kind', zh: '类型', en: 'type', required: true },
  { field: 'roomName', zh: '工作室名称', en: 'room_name', required: true },
  { field: 'roomAddress', zh: '工作室地址', en: 'room_address', required: true },
  { field: 'roomHours', zh: '接待时间', en: 'room_hours', required: true },
  ...liaisonColumns(1),
  ...liaisonColumns(2),
  { field: 'matters', zh: '主要执法事项', en: 'matters', required: true },
  { field: 'buildingName', zh: '楼栋名称', en: 'building_name', required: true },
  { field: 'buildingAddress', zh: '楼栋地址', en: 'building_address', required: true },
];

/** One data row: its number as the spreadsheet shows it (header = 1) and its cleaned cells. */
export interface ImportRow {
  row: number;
  cells: Partial<Record<ImportField, string>>;
}

/** A parsed import file: which header names each field, and the non-empty data rows. */
export interface ImportTable {
  headers: ReadonlyMap<ImportField, string>;
  duplicateHeaders: string[];
  rows: ImportRow[];
}

/** A bad cell: row as the spreadsheet shows it (header = 1), header name, problem zh + en. */
export interface ImportIssue {
  row: number;
  column: string;
  problem: string;
  problemEn: string;
}

/** A raw grid line before the header is applied. */
interface GridLine {
  row: number;
  cells: string[];
}

const maxFileBytes = 20 * 1024 * 1024;
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Removes zero-width characters and a BOM, then surrounding white space (full-width too). */
export function cleanCell(value: string): string {
  return value.replace(invisible, '').trim();
}

/** Reads an .xlsx (first sheet) or UTF-8 .csv import file into rows; refuses other files. */
export async function readImportFile(file: string): Promise<ImportTable> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') {
    throw fileError('只接受 .xlsx 或 .csv 文件', 'Only .xlsx and .csv files are accepted');
  }
  const size = (await stat(file)).size;
  if (size > maxFileBytes) {
    throw fileError('文件超过 20 MB', 'The file is larger than 20 MB');
  }
  const bytes = await readFile(file);
  const grid = ext === '.csv' ? csvGrid(bytes) : await xlsxGrid(bytes);
  return toImportTable(grid);
}

function fileError(zh: string, en: string): AppError {
  return new AppError('bad_request', [fieldIssue('file', zh, en)]);
}

/** Decodes UTF-8 strictly (a GBK file from old Excel is refused with a hint) and parses CSV. */
function csvGrid(bytes: Buffer): GridLine[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError(
      'CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
      'The CSV file is not UTF-8; save it as "CSV UTF-8" in Excel',
    );
  }
  return parseCsv(text).map((cells, i) => ({ row: i + 1, cells }));
}

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; a leading
 * BOM is dropped; CRLF, LF and CR all end a record.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && s[i + 1] === '\n') {
        i++;
      }
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Reads the first worksheet; row numbers are the sheet's own, so blank rows keep the count. */
async function xlsxGrid(bytes: Buffer): Promise<GridLine[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileError('无法读取该 Excel 文件（.xlsx）', 'The .xlsx file cannot be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw fileError('Excel 文件中没有工作表', 'The workbook has no sheet');
  }
  const lines: GridLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    lines.push({ row: row.number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return lines;
}

/** The text of a cell as a person sees it; a formula becomes "=…" so validation refuses it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if ('sharedFormula' in value) {
    return `=${value.formula ?? value.sharedFormula}`;
  }
  if ('formula' in value) {
    return `=${value.formula}`;
  }
  if ('richText' in value) {
    return value.richText.map((r) => r.text).join('');
  }
  if ('hyperlink' in value) {
    return value.text;
  }
  return value.error;
}

/** Applies the header row (row 1) to the other rows; empty rows are dropped. */
export function toImportTable(grid: readonly GridLine[]): ImportTable {
  const [header, ...data] = grid;
  if (!header || header.row !== 1) {
    throw fileError('第 1 行必须是表头', 'Row 1 must be the header row');
  }
  const { fieldAt, headers, duplicateHeaders } = mapHeaders(header.cells);
  const rows: ImportRow[] = [];
  for (const line of data) {
    const cells: ImportRow['cells'] = {};
    line.cells.forEach((raw, i) => {
      const field = fieldAt[i];
      const value = cleanCell(raw);
      if (field && value !== '') {
        cells[field] = value;
      }
    });
    if (Object.keys(cells).length > 0) {
      rows.push({ row: line.row, cells });
    }
  }
  return { headers, duplicateHeaders, rows };
}

function headerKey(text: string): string {
  return cleanCell(text).normalize('NFKC').replace(/\s+/g, '').replace(/-/g, '_').toLowerCase();
}

const columnByKey = new Map<string, ImportColumn>(
  importColumns.flatMap((c) => [
    [headerKey(c.zh), c],
    [headerKey(c.en), c],
  ]),
);

function mapHeaders(cells: readonly string[]) {
  const fieldAt: (ImportField | undefined)[] = [];
  const headers = new Map<ImportField, string>();
  const duplicateHeaders: string[] = [];
  cells.forEach((text, i) => {
    const column = columnByKey.get(headerKey(text));
    if (!column) {
      return;
    }
    if (headers.has(column.field)) {
      duplicateHeaders.push(cleanCell(text));
      return;
    }
    headers.set(column.field, cleanCell(text));
    fieldAt[i] = column.field;
  });
  return { fieldAt, headers, duplicateHeaders };
}

/** The header a file uses for a field, else its Chinese name. */
export function columnName(table: ImportTable, field: ImportField): string {
  return table.headers.get(field) ?? importColumns.find((c) => c.field === field)?.zh ?? field;
}

/** Required columns the header lacks, and headers given twice. */
export function headerIssues(table: ImportTable): ImportIssue[] {
  const missing = importColumns.filter((c) => c.required && !table.headers.has(c.field));
  const issues = missing.map((c) => ({
    row: 1,
    column: c.zh,
    problem: `缺少必填列「${c.zh}」（也可用英文表头 ${c.en}）。`,
    problemEn: `The required column "${c.zh}" (or "${c.en}") is missing.`,
  }));
  for (const h of table.duplicateHeaders) {
    issues.push({
      row: 1,
      column: h,
      problem: `表头「${h}」重复。`,
      problemEn: `The header "${h}" appears twice.`,
    });
  }
  return issues;
}
