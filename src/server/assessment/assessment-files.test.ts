import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exemplary, Scores } from '../../contract/assessment.js';
import { dimensionKeys } from '../../contract/assessment.js';
import { json } from '../../../test/app.js';
import { openAssessmentScene, type AssessmentScene } from '../../../test/assessment-scene.js';
import { pdfText, skipPdfChecks } from '../../../test/pdf.js';
import { neutralise, numberCell } from './export.js';
import { dimensionLabels, indicatorLabels, printed } from './labels.js';

let scene: AssessmentScene;
let scores: Scores;

beforeAll(async () => {
  scene = await openAssessmentScene();
  // A street name that a spreadsheet would run as a formula.
  await scene.t.handle.db
    .updateTable('streets')
    .set({ name: '=HYPERLINK("http://example.invalid","丙")' })
    .where('id', '=', scene.streets.c.id)
    .execute();
  scores = json<Scores>(await fetch('/api/staff/assessment/scores?period=2026-Q3'));
});

afterAll(async () => {
  await scene.close();
});

async function fetch(url: string, user = scene.users.bureau) {
  return scene.t.app.inject({ method: 'GET', url, headers: { cookie: await scene.as(user) } });
}

describe('the Excel export', () => {
  it('carries the ranking and every indicator exactly as the API shows them', async () => {
    const res = await fetch('/api/staff/assessment/export.xlsx?period=2026-Q3');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('assessment-2026-Q3.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);

    const ranking = book.getWorksheet('排名');
    const rows = (ranking?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows.map((r) => [r[1], r[2], r[9]])).toEqual(
      scores.streets.map((s) => [s.rank, neutralise(s.streetName), numberCell(s.total)]),
    );
    expect(rows[0]?.slice(3, 9)).toEqual(
      scores.streets[0]?.dimensions.map((d) => numberCell(d.score)),
    );

    for (const key of dimensionKeys) {
      const sheet = book.getWorksheet(dimensionLabels[key]);
      const cells = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
      const expected = scores.streets.flatMap((s) =>
        (s.dimensions.find((d) => d.key === key)?.indicators ?? []).map((i) => [
          neutralise(s.streetName),
          indicatorLabels[i.key],
          i.numerator,
          i.denominator,
          numberCell(i.value),
          i.target,
          i.weight,
          numberCell(i.score),
        ]),
      );
      expect(cells.map((r) => r.slice(1, 9))).toEqual(expected);
    }
  });

  it('neutralises every formula-looking text (test/cases/formula-injection.jsonl)', () => {
    const file = path.resolve(import.meta.dirname, '../../../test/cases/formula-injection.jsonl');
    const cases = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string);
    for (const text of cases) {
      expect(neutralise(text)).toBe(`'${text}`);
    }
    expect(neutralise('殷行街道')).toBe('殷行街道');
  });
});

describe.skipIf(skipPdfChecks)('the monthly PDF report', () => {
  it('prints the same ranking and dimension scores as the API for 2026-09', async () => {
    const month = json<Scores>(await fetch('/api/staff/assessment/scores?period=2026-09'));
    const res = await fetch('/api/staff/assessment/report.pdf?period=2026-09');
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload).replace(/\s+/g, '');
    expect(text).toContain('街道考核月度报告2026-09');
    for (const s of month.streets) {
      const dims = s.dimensions
        .map((d) => `${dimensionLabels[d.key]}${printed(d.score)}`)
        .join('，');
      expect(text).toContain(
        `${s.streetName}：总分${printed(s.total)}，排名第${String(s.rank)}。${dims}。`,
      );
    }
    // 甲 in September: its case decided 09-05 after its limit 09-01, so cases scored 0.
    expect(month.streets.find((s) => s.streetName === '甲街道')?.dimensions[1]?.score).toBe(0);
  });

  it('is monthly only', async () => {
    expect((await fetch('/api/staff/assessment/report.pdf?period=2026-Q3')).statusCode).toBe(400);
  });
});

describe('exemplary work', () => {
  it('is listed with its evidence for the period; only the bureau admin records it', async () => {
    const list = json<{ items: Exemplary[] }>(
      await fetch(
        `/api/staff/assessment/exemplary?period=2026-Q3&streetId=${scene.streets.a.id}`,
        scene.users.adminA,
      ),
    );
    expect(list.items.map((e) => [e.title, e.evidence.length]).sort()).toEqual([
      ['楼道堆物长效治理', 1],
      ['群租整治回头看', 0],
    ]);
    const withPhoto = list.items.find((e) => e.evidence.length === 1);
    const photo = await fetch(
      `/api/staff/assessment/exemplary/${withPhoto?.id ?? ''}/evidence/${withPhoto?.evidence[0]?.id ?? ''}`,
    );
    expect(photo.headers['content-type']).toBe('image/jpeg');

    const refused = await scene.t.app.inject({
      method: 'POST',
      url: '/api/staff/assessment/exemplary',
      headers: { cookie: await scene.as(scene.users.adminA) },
      payload: {
        streetId: scene.streets.a.id,
        title: '自评典型',
        recognisedOn: '2026-09-01',
        description: '自己认定',
      },
    });
    expect(refused.statusCode).toBe(403);
    const future = await scene.t.app.inject({
      method: 'POST',
      url: '/api/staff/assessment/exemplary',
      headers: { cookie: await scene.as(scene.users.bureau) },
      payload: {
        streetId: scene.streets.a.id,
        title: '以后的典型',
        recognisedOn: '2026-12-01',
        description: '日期在以后',
      },
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('recognisedOn');
  });

  it('no longer counts once deleted', async () => {
    const list = json<{ items: Exemplary[] }>(
      await fetch('/api/staff/assessment/exemplary?period=2026-Q3'),
    );
    const withPhoto = list.items.find((e) => e.evidence.length === 1);
    const res = await scene.t.app.inject({
      method: 'DELETE',
      url: `/api/staff/assessment/exemplary/${withPhoto?.id ?? ''}`,
      headers: { cookie: await scene.as(scene.users.bureau) },
    });
    expect(res.statusCode).toBe(204);
    const after = json<Scores>(await fetch('/api/staff/assessment/scores?period=2026-Q3'));
    const a = after.streets.find((s) => s.streetName === '甲街道');
    expect(a?.dimensions.find((d) => d.key === 'exemplary')?.score).toBe(0);
  });
});
