// The monthly report as an A4 PDF: the ranking table, each street's dimension scores, and a
// paragraph per street naming its total, rank, dimensions and weakest indicator. It prints the
// same Scores object the workbench shows.
import type { Scores, StreetScore } from '../../contract/assessment.js';
import { renderPdf, type PdfDoc } from '../pdf/document.js';
import { dimensionLabels, indicatorLabels, printed } from './labels.js';

const columns = [36, 76, 190, 240, 290, 340, 390, 440, 490];
const headers = ['排名', '街道', '投诉', '案件', '普法', '数字化', '满意度', '典型', '总分'];

function row(doc: PdfDoc, cells: string[]): void {
  const y = doc.y;
  cells.forEach((text, i) => {
    doc.text(text, columns[i] ?? 36, y, {
      width: (columns[i + 1] ?? 560) - (columns[i] ?? 36) - 4,
      lineBreak: false,
    });
  });
  doc.x = 36;
  doc.y = y + 16;
}

function rankingTable(doc: PdfDoc, scores: Scores): void {
  doc.fontSize(9);
  row(doc, headers);
  for (const s of scores.streets) {
    if (doc.y > 760) {
      doc.addPage();
    }
    row(doc, [
      s.rank === null ? '—' : String(s.rank),
      s.streetName,
      ...s.dimensions.map((d) => printed(d.score)),
      printed(s.total),
    ]);
  }
}

/** The weakest scored indicator of a street, for the paragraph. */
function weakest(s: StreetScore) {
  const all = s.dimensions.flatMap((d) => d.indicators).filter((i) => i.score !== null);
  return all.sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
}

/** The paragraph of one street. */
export function streetParagraph(s: StreetScore): string {
  const rank = s.rank === null ? '无排名' : `排名第${String(s.rank)}`;
  const dims = s.dimensions.map((d) => `${dimensionLabels[d.key]}${printed(d.score)}`).join('，');
  const low = weakest(s);
  const lowText = low
    ? `得分最低的指标为${indicatorLabels[low.key]}（${printed(low.score)}）。`
    : '';
  return `${s.streetName}：总分${printed(s.total)}，${rank}。${dims}。${lowText}`;
}

/** The monthly report of a period's scores. */
export function scoresReport(scores: Scores, now: Date): Promise<Buffer> {
  const title = `街道考核月度报告 ${scores.period.key}`;
  return renderPdf({ size: 'A4', title }, now, (doc) => {
    doc.fontSize(18).text(title, { align: 'center' });
    doc
      .moveDown(0.3)
      .fontSize(9)
      .text(`考核方案第${String(scores.schemeVersion)}版`, { align: 'center' });
    doc.moveDown(0.8).fontSize(13).text('一、排名');
    doc.moveDown(0.3);
    rankingTable(doc, scores);
    doc.moveDown(0.8).fontSize(13).text('二、各街道情况', 36);
    doc.moveDown(0.3).fontSize(10.5);
    for (const s of scores.streets) {
      doc.text(streetParagraph(s), 36, undefined, { lineGap: 3 }).moveDown(0.4);
    }
  });
}
