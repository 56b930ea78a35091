import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfPagePng, pdfText, readQr, skipPdfChecks } from '../../../test/pdf.js';
import { renderPdf } from './document.js';

const now = new Date('2026-12-03T08:00:00Z');

describe.skipIf(skipPdfChecks)('renderPdf', () => {
  it('sets Chinese text in the embedded font and keeps a QR code readable', async () => {
    const qr = await QRCode.toBuffer('https://linli.example.gov.cn/b/TOKEN123', { width: 300 });
    const pdf = await renderPdf({ size: 'A5', title: '测试' }, now, (doc) => {
      doc.fontSize(18).text('杨浦"城管进社区"工作联络牌');
      doc.image(qr, { width: 200 });
      doc.addPage().text('第二页');
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(2);
    expect(pdfText(pdf)).toContain('杨浦"城管进社区"工作联络牌');
    expect(pdfText(pdf)).toContain('第二页');
    expect(await readQr(pdfPagePng(pdf, 1))).toBe('https://linli.example.gov.cn/b/TOKEN123');
  });

  it('refuses with pdf_font_missing when there is no CJK font', async () => {
    await expect(
      renderPdf({ size: 'A5', title: 'x', font: null }, now, () => {}),
    ).rejects.toMatchObject({
      code: 'pdf_font_missing',
    });
  });
});
