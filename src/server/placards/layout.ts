// One placard on one A5 page (附件2): title, place, liaisons with badge and work phone, the room's
// address and hours, the main enforcement matters, and the QR code to the building's page. The
// placard is posted in Chinese; only the demo warning repeats in English.
import { placardTitle, type PlacardContent } from '../../domain/placard-rules.js';
import type { PdfDoc } from '../pdf/document.js';
import { drawQrCode } from './qr-vector.js';

/** A5 in points, and the margin the document is opened with (renderPdf). */
export const PAGE = { width: 419.53, height: 595.28, margin: 24 } as const;

const INK = '#1f2933';
const MUTED = '#5f6b7a';
const BLUE = '#1d4f91';
const RED = '#c0262d';
const X = 36;
const WIDTH = PAGE.width - 2 * X;
const QR_SIZE = 148;
const QR_TOP = PAGE.height - PAGE.margin - 44 - QR_SIZE;

const roomHeading = { workroom: '城管社区工作室', workstation: '城管园区工作站' } as const;

/** What one page needs besides the content: the QR code's address and the version. */
export interface PageExtras {
  url: string;
  version: string;
}

function line(doc: PdfDoc, text: string, y: number, size: number, color: string): number {
  doc.fontSize(size).fillColor(color).text(text, X, y, { width: WIDTH, lineBreak: false });
  return y + size * 1.45;
}

function centred(doc: PdfDoc, text: string, y: number, size: number, color: string): number {
  doc
    .fontSize(size)
    .fillColor(color)
    .text(text, X, y, { width: WIDTH, align: 'center', lineBreak: false });
  return y + size * 1.45;
}

function heading(doc: PdfDoc, text: string, y: number): number {
  doc.rect(X, y + 1, 3, 11).fill(BLUE);
  doc
    .fontSize(11)
    .fillColor(BLUE)
    .text(text, X + 8, y, { width: WIDTH - 8, lineBreak: false });
  return y + 17;
}

/** The demo warning band and the title band; returns where the body starts. */
function drawTop(doc: PdfDoc, c: PlacardContent): number {
  let y: number = PAGE.margin;
  if (c.demo) {
    doc.rect(0, 0, PAGE.width, 26).fill(RED);
    centred(doc, '示例数据 · 请勿张贴  DEMO DATA · DO NOT POST', 8, 10, '#ffffff');
    y = 34;
  }
  doc.rect(X, y, WIDTH, 40).fill(BLUE);
  centred(doc, placardTitle(c.district), y + 11, 16, '#ffffff');
  y += 50;
  y = centred(doc, `${c.street}  ${c.community}`, y, 9, MUTED);
  y = centred(doc, c.building.name, y, 15, INK);
  return centred(doc, c.building.address, y, 9, MUTED) + 6;
}

function drawLiaisons(doc: PdfDoc, c: PlacardContent, top: number): number {
  let y = heading(doc, '联络员', top);
  if (c.liaisons.length === 0) {
    return line(doc, '联络员待定，请联系下方工作室', y, 10, MUTED) + 4;
  }
  // The measures name 1–2 liaisons a room; a third would crowd out the matters and QR code.
  for (const l of c.liaisons.slice(0, 3)) {
    y = line(doc, l.name, y, 13, INK);
    y = line(doc, `胸牌号：${l.badgeNo}    工作电话：${l.workPhone}`, y - 2, 10, INK) + 2;
  }
  return y + 2;
}

function drawRoom(doc: PdfDoc, c: PlacardContent, top: number): number {
  let y = heading(doc, roomHeading[c.room.kind], top);
  y = line(doc, c.room.name, y, 10, INK);
  y = line(doc, `地址：${c.room.address}`, y, 10, INK);
  return line(doc, `接待时间：${c.room.hours}`, y, 10, INK) + 4;
}

// The rooms of a street share a few matter lists: each is measured once, not once per page.
const matterSizes = new Map<string, number | undefined>();

function matterFontSize(doc: PdfDoc, text: string, height: number): number | undefined {
  const key = `${height}|${text}`;
  if (!matterSizes.has(key)) {
    if (matterSizes.size > 1000) {
      matterSizes.clear();
    }
    const size = [10, 9, 8].find(
      (s) => doc.fontSize(s).heightOfString(text, { width: WIDTH }) <= height,
    );
    matterSizes.set(key, size);
  }
  return matterSizes.get(key);
}

function drawMatters(doc: PdfDoc, c: PlacardContent, top: number): void {
  const y = heading(doc, '主要执法事项', top);
  const text = c.matters.length > 0 ? c.matters.join('、') : '详见工作室公示的执法事项清单';
  const height = Math.max(14, QR_TOP - 8 - y);
  // A long list is set smaller before it is cut; bounded, it can never push onto a second page.
  const size = matterFontSize(doc, text, height);
  doc
    .fontSize(size ?? 8)
    .fillColor(INK)
    .text(text, X, y, { width: WIDTH, height, ellipsis: true });
}

function drawQr(doc: PdfDoc, c: PlacardContent, extras: PageExtras): void {
  const left = (PAGE.width - QR_SIZE) / 2;
  drawQrCode(doc, extras.url, left, QR_TOP, QR_SIZE);
  let y = QR_TOP + QR_SIZE + 2;
  y = centred(doc, '扫码咨询、求助、投诉、举报、建议', y, 9, INK);
  y = centred(doc, extras.url, y - 1, 7, MUTED);
  centred(doc, `楼栋编号 ${c.building.code}    版本 ${extras.version.slice(0, 8)}`, y, 7, MUTED);
}

/** Draws one placard on the current page. */
export function drawPlacardPage(doc: PdfDoc, c: PlacardContent, extras: PageExtras): void {
  let y = drawTop(doc, c);
  y = drawLiaisons(doc, c, y);
  y = drawRoom(doc, c, y);
  drawMatters(doc, c, y);
  drawQr(doc, c, extras);
}
