// RELIABILITY §3(c)8: formula injection in spreadsheet exports. The assessment workbook is the
// one spreadsheet the app produces (the other downloads are PDFs); the free text in it is the
// street names. Each line of test/cases/formula-injection.jsonl is set as a street name, the
// workbook is exported through the API and opened with exceljs: the name comes out behind an
// apostrophe, as text, and no cell anywhere holds a formula or text a spreadsheet would run.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssessmentScene, type AssessmentScene } from '../assessment-scene.js';
import { corpus } from './schema-arbitrary.js';

let scene: AssessmentScene;

beforeAll(async () => {
  scene = await openAssessmentScene();
});

afterAll(async () => {
  await scene.close();
});

async function nameStreets(names: string[]): Promise<void> {
  const ids = [scene.streets.a.id, scene.streets.b.id, scene.streets.c.id];
  for (const [i, id] of ids.entries()) {
    await scene.t.handle.db
      .updateTable('streets')
      .set({ name: names[i] ?? `街道${String(i)}` })
      .where('id', '=', id)
      .execute();
  }
}

async function exportedBook(): Promise<ExcelJS.Workbook> {
  const res = await scene.t.app.inject({
    method: 'GET',
    url: '/api/staff/assessment/export.xlsx?period=2026-Q3',
    headers: { cookie: await scene.as(scene.users.bureau) },
  });
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

/** Every cell of every sheet: where it is, its type and its value. */
function cellsOf(book: ExcelJS.Workbook): { where: string; cell: ExcelJS.Cell }[] {
  const cells: { where: string; cell: ExcelJS.Cell }[] = [];
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push({ where: `${sheet.name}!${cell.address}`, cell });
      });
    });
  });
  return cells;
}

const runnable = /^[=+\-@\t\r]/;

describe('formula injection in the assessment workbook', () => {
  const lines = corpus('formula-injection.jsonl');

  it('uses the whole corpus', () => {
    expect(lines.length).toBeGreaterThanOrEqual(7);
  });

  it('writes each formula-looking street name as text behind an apostrophe', async () => {
    for (let start = 0; start < lines.length; start += 3) {
      const names = lines.slice(start, start + 3);
      await nameStreets(names);
      const cells = cellsOf(await exportedBook());
      const texts = cells.map((c) => c.cell.value);
      for (const name of names) {
        // XML reads a carriage return back as a line feed (XML 1.0 §2.11), as Excel does.
        const shown = name.replace(/\r\n?/g, '\n');
        expect(texts).toContain(`'${shown}`);
        expect(texts).not.toContain(shown);
      }
      for (const { where, cell } of cells) {
        expect(cell.type, where).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, where).toBeFalsy();
        if (typeof cell.value === 'string') {
          expect(cell.value, where).not.toMatch(runnable);
        }
      }
    }
  });

  it('leaves an ordinary name as it is', async () => {
    await nameStreets(['殷行街道', '-', '五角场街道']);
    const texts = cellsOf(await exportedBook()).map((c) => c.cell.value);
    expect(texts).toContain('殷行街道');
    expect(texts).toContain("'-");
    expect(texts).toContain('五角场街道');
  });
});
