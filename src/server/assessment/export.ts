// The Excel export of a period's scores: one sheet of streets × dimensions and total, then one
// sheet per dimension with its indicators' numerator, denominator, value, target and score. It is
// built from the same Scores object the workbench shows.
import ExcelJS from 'exceljs';
import type { Scores } from '../../contract/assessment.js';
import { dimensionKeys } from '../../contract/assessment.js';
import { dimensionLabels, indicatorLabels } from './labels.js';

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return
 * before one) gets a leading apostrophe, so it is shown as text (CSV/formula injection).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A number as a cell; 无数据 where there is none, so an empty cell is never mistaken for 0. */
export function numberCell(n: number | null): number | string {
  return n === null ? NO_DATA : n;
}

export const NO_DATA = '无数据';

function rankingSheet(book: ExcelJS.Workbook, scores: Scores): void {
  const sheet = book.addWorksheet('排名');
  sheet.addRow(['排名', '街道', ...dimensionKeys.map((d) => dimensionLabels[d]), '总分']);
  for (const s of scores.streets) {
    sheet.addRow([s.rank, neutralise(s.streetName), ...s.dimensions.map((d) => d.score), s.total]);
  }
  sheet.getRow(1).font = { bold: true };
}

function dimensionSheet(book: ExcelJS.Workbook, scores: Scores, index: number): void {
  const key = dimensionKeys[index] ?? 'complaints';
  const sheet = book.addWorksheet(dimensionLabels[key]);
  sheet.addRow(['街道', '指标', '分子', '分母', '值', '目标', '权重', '得分']);
  for (const s of scores.streets) {
    const dimension = s.dimensions.find((d) => d.key === key);
    for (const i of dimension?.indicators ?? []) {
      sheet.addRow([
        neutralise(s.streetName),
        indicatorLabels[i.key],
        i.numerator,
        i.denominator,
        numberCell(i.value),
        i.target,
        i.weight,
        numberCell(i.score),
      ]);
    }
  }
  sheet.getRow(1).font = { bold: true };
}

/** The workbook of a period's scores, as bytes. */
export async function scoresWorkbook(scores: Scores): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Linli';
  rankingSheet(book, scores);
  dimensionKeys.forEach((_, i) => {
    dimensionSheet(book, scores, i);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
