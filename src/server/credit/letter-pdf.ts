// The 信用修复结果告知书 as an A4 PDF: to the applicant by full name, the decision it concerns, its
// class and publication period (国家发展改革委令第36号), the result with its reasons, what happens
// to the publication, the issuing body and the date. Results also reach "信用中国", the single
// window, which prevails where systems differ.
import type { CreditClass } from '../../domain/credit-repair.js';
import { renderPdf, type PdfDoc } from '../pdf/document.js';
import { chineseDay, classWords } from './present.js';

/** What the letter prints. */
export interface LetterContent {
  receiptCode: string;
  applicantName: string;
  applicantKind: 'person' | 'organisation';
  idNumber: string;
  submittedOn: string;
  decisionNo: string;
  decidedOn: string;
  creditClass: CreditClass;
  minMonths: number;
  maxMonths: number;
  publicationLastDay: string;
  result: 'accepted' | 'refused';
  reasons: string;
  /** The day publication ended, once it did. */
  publicationEndedOn: string | null;
  completeWorkingDays: number;
  body: string;
  issuedOn: string;
}

const margin = 64;
const size = 11.5;

function paragraph(doc: PdfDoc, text: string): void {
  doc.fontSize(size).text(text, { lineGap: 4 }).moveDown(0.4);
}

function periodText(c: LetterContent): string {
  // 轻微失信信息 has no minimum period (令第36号): only its longest period is stated.
  const period =
    c.minMonths > 0
      ? `公示期最短${String(c.minMonths)}个月、最长${String(c.maxMonths)}个月`
      : `不设最短公示期，公示期最长${String(c.maxMonths)}个月`;
  return (
    `${classWords[c.creditClass]}，${period}，` +
    `自${chineseDay(c.decidedOn)}起算，最长公示至${chineseDay(c.publicationLastDay)}。`
  );
}

function outcomeText(c: LetterContent): string {
  if (c.result === 'refused') {
    return (
      '经审核，决定不予信用修复。您可在纠正失信行为、补齐材料后重新申请；对本决定不服的，' +
      '可依法申请行政复议或者提起行政诉讼。'
    );
  }
  return c.publicationEndedOn
    ? `经审核，决定准予信用修复。该行政处罚信息已于${chineseDay(c.publicationEndedOn)}终止公示。`
    : `经审核，决定准予信用修复。该行政处罚信息将于${String(c.completeWorkingDays)}个工作日内终止公示。`;
}

function draw(doc: PdfDoc, c: LetterContent): void {
  doc.fontSize(22).text('信用修复结果告知书', { align: 'center' });
  doc.moveDown(0.4).fontSize(size).text(`受理编号：${c.receiptCode}`, { align: 'right' });
  doc.moveDown(0.8);
  paragraph(doc, `${c.applicantName}：`);
  const idLabel = c.applicantKind === 'person' ? '公民身份号码' : '统一社会信用代码';
  paragraph(
    doc,
    `（${idLabel}：${c.idNumber}）你${c.applicantKind === 'person' ? '' : '单位'}于` +
      `${chineseDay(c.submittedOn)}提出的信用修复申请，本机关已办理完毕，现将结果告知如下：`,
  );
  paragraph(doc, `一、行政处罚决定书文号：${c.decisionNo}（作出日期：${chineseDay(c.decidedOn)}）`);
  paragraph(doc, `二、失信信息类别及公示期限：${periodText(c)}`);
  paragraph(doc, `三、办理结果：${c.result === 'accepted' ? '准予信用修复' : '不予信用修复'}`);
  paragraph(doc, `四、理由：${c.reasons}`);
  paragraph(doc, `五、${outcomeText(c)}`);
  paragraph(
    doc,
    '信用修复结果将同步至"信用中国"网站（www.creditchina.gov.cn）；各信用信息系统的结果不一致的，' +
      '以"信用中国"网站为准。',
  );
  doc.moveDown(2);
  doc.fontSize(size).text(c.body, { align: 'right' });
  doc.moveDown(0.3).text(chineseDay(c.issuedOn), { align: 'right' });
}

/** Renders the letter; `now` fixes the PDF's creation date. */
export function renderLetterPdf(content: LetterContent, now: Date): Promise<Buffer> {
  return renderPdf({ size: 'A4', title: '信用修复结果告知书', margin }, now, (doc) => {
    draw(doc, content);
  });
}
