// The written mediation agreement (人民调解协议书) as an A4 PDF with what 《人民调解法》第二十九条
// asks for: the parties' basic details; the main facts, the disputed items and each side's
// responsibility; the agreed terms with the manner and deadline of performance; the signatures of
// the parties and the mediator and the committee's seal, from which it takes effect; one copy per
// party and one for the committee. The seal and signatures belong to the committee, not to 城管.
import type { MediatorOrgKind, PartyRole } from '../../contract/mediations.js';
import { renderPdf, type PdfDoc } from '../pdf/document.js';
import type { PartyDetails } from './parties.js';

/** What the agreement prints. */
export interface AgreementContent {
  committeeName: string;
  number: string;
  parties: readonly PartyDetails[];
  facts: string;
  responsibilities: string;
  terms: string;
  performanceManner: string;
  performanceDeadline: string;
  signedOn: string;
  mediators: readonly { name: string; orgKind: MediatorOrgKind; orgName: string }[];
}

/** How each side is named in the agreement. */
export const partyRoleLabels: Record<PartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  party_a: '当事人（一方）',
  party_b: '当事人（另一方）',
};

const margin = 64;
const body = 11.5;

/** A date as the agreement writes it: 2025年10月9日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${String(y)}年${String(m)}月${String(d)}日`;
}

function heading(doc: PdfDoc, text: string): void {
  doc.moveDown(0.6).fontSize(13).text(text).moveDown(0.2).fontSize(body);
}

function paragraph(doc: PdfDoc, text: string): void {
  doc.fontSize(body).text(text, { lineGap: 3 });
}

function partyLines(p: PartyDetails): string[] {
  const lines = [`${partyRoleLabels[p.role]}：${p.name}`];
  const details = [
    p.idNumber ? `公民身份号码：${p.idNumber}` : null,
    p.address ? `住址：${p.address}` : null,
    p.phone ? `联系电话：${p.phone}` : null,
  ].filter((line): line is string => line !== null);
  return details.length > 0 ? [...lines, `    ${details.join('    ')}`] : lines;
}

function signatureLine(doc: PdfDoc, label: string): void {
  doc.fontSize(body).text(`${label}  ______________________`, { lineGap: 10 });
}

/** The signatures and the seal stay on one page: they are what makes the agreement effective. */
function keepSignaturesTogether(doc: PdfDoc, c: AgreementContent): void {
  const lines = c.parties.length + c.mediators.length + 3;
  const needed = lines * 30 + 190;
  if (doc.y + needed > doc.page.height - margin) {
    doc.addPage();
  }
}

function signatures(doc: PdfDoc, c: AgreementContent): void {
  keepSignaturesTogether(doc, c);
  heading(doc, '当事人（签名、盖章或者按指印）');
  for (const p of c.parties) {
    signatureLine(doc, `${partyRoleLabels[p.role]} ${p.name}`);
  }
  const committee = c.mediators.filter((m) => m.orgKind === 'people_committee');
  const assisting = c.mediators.filter((m) => m.orgKind !== 'people_committee');
  heading(doc, '人民调解员（签名）');
  for (const m of committee) {
    signatureLine(doc, m.name);
  }
  if (assisting.length > 0) {
    heading(doc, '协助调解人员（签名）');
    for (const m of assisting) {
      signatureLine(doc, `${m.name}（${m.orgName}）`);
    }
  }
}

function sealArea(doc: PdfDoc, c: AgreementContent): void {
  doc.moveDown(1);
  const width = doc.page.width - 2 * margin;
  const top = doc.y;
  const box = { x: margin + width - 190, y: top, size: 150 };
  doc.fontSize(body).text('人民调解委员会（盖章）', margin, top);
  doc.text(c.committeeName, margin, doc.y + 6, { width: width - 210 });
  doc.text(chineseDate(c.signedOn), margin, doc.y + 18);
  doc
    .save()
    .dash(4, { space: 3 })
    .rect(box.x, box.y, box.size, box.size)
    .stroke('#888888')
    .restore();
  doc
    .fillColor('#888888')
    .fontSize(10)
    .text('盖章处', box.x, box.y + box.size / 2 - 6, { width: box.size, align: 'center' })
    .fillColor('#000000');
  doc.x = margin;
  doc.y = Math.max(doc.y, box.y + box.size) + 12;
}

function draw(doc: PdfDoc, c: AgreementContent): void {
  doc.fontSize(22).text('人民调解协议书', { align: 'center' });
  doc.moveDown(0.3).fontSize(13).text(c.committeeName, { align: 'center' });
  doc.moveDown(0.3).fontSize(body).text(`编号：${c.number}`, { align: 'right' });

  heading(doc, '一、当事人的基本情况');
  for (const p of c.parties) {
    paragraph(doc, partyLines(p).join('\n'));
  }
  heading(doc, '二、纠纷的主要事实、争议事项');
  paragraph(doc, c.facts);
  heading(doc, '三、各方当事人的责任');
  paragraph(doc, c.responsibilities);
  heading(doc, '四、经调解，各方当事人自愿达成如下协议');
  paragraph(doc, c.terms);
  heading(doc, '五、履行方式、期限');
  paragraph(doc, `履行方式：${c.performanceManner}`);
  paragraph(doc, `履行期限：${chineseDate(c.performanceDeadline)}前履行完毕`);

  doc.moveDown(0.8);
  paragraph(
    doc,
    '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起' +
      '生效，具有法律约束力，当事人应当按照约定履行（《中华人民共和国人民调解法》第二十九条、' +
      '第三十一条）。各方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院' +
      '申请司法确认（第三十三条）。',
  );
  paragraph(
    doc,
    `本协议一式${String(c.parties.length + 1)}份，当事人各执一份，人民调解委员会留存一份。`,
  );
  signatures(doc, c);
  sealArea(doc, c);
}

/** Renders the agreement; `now` fixes the PDF's creation date. */
export function renderAgreementPdf(content: AgreementContent, now: Date): Promise<Buffer> {
  return renderPdf({ size: 'A4', title: '人民调解协议书', margin }, now, (doc) => {
    draw(doc, content);
  });
}
