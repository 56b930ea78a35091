import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app.js';
import { retireBuilding } from '../../../test/factories.js';
import { pdfPageCount, pdfPagePng, pdfText, readQr, skipPdfChecks } from '../../../test/pdf.js';
import {
  exampleStreetCode,
  startPlacardScene,
  tokenOf,
  type PlacardScene,
} from '../../../test/placards.js';
import { placardsCommand } from '../../cli/placards.js';

// The example file (examples/org-import.csv): 示例区 → title 示例“城管进社区”工作联络牌; 东湖新村
// has 3 buildings, two liaisons and the matters WFDJ、CZJG、LDDW、FXCD; 示例东路街道 has 6 buildings.
const title = '示例“城管进社区”工作联络牌';
const dongHuMatters = [
  '违法搭建建筑物、构筑物（物业管理区域内）',
  '损坏房屋承重结构',
  '楼道堆物、擅自占用物业共用部分',
  '飞线充电（私拉电线、插座为电动自行车或电池充电）',
];

let s: PlacardScene;
let dongHu = '';
let dir = '';

beforeAll(async () => {
  s = await startPlacardScene(new Date('2026-12-03T02:00:00.000Z'));
  dongHu = await s.communityCode('东湖新村居委会');
  dir = mkdtempSync(path.join(os.tmpdir(), 'linli-placards-'));
});

afterAll(async () => {
  await s.t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(url: string, username: string, host = 'linli.example.gov.cn') {
  return s.t.app.inject({ url, headers: { cookie: await s.cookieOf(username), host } });
}

/** The text of each page with line breaks and layout spaces removed, as one reads it. */
function pagesOf(pdf: Buffer): string[] {
  return pdfText(pdf)
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) => page.replace(/\s+/g, ''));
}

const flat = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(skipPdfChecks)('a community placard PDF', () => {
  it('prints one page per building with the title, liaisons, room and matters', async () => {
    const res = await get(`/api/staff/placards/pdf?communityCode=${dongHu}`, 'dong.1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdfPageCount(pdf)).toBe(3);
    const [first] = pagesOf(pdf);
    for (const text of [
      title,
      '示例东路街道东湖新村居委会',
      '东湖新村1号楼',
      '示例区东湖路90号',
      '陈明',
      '胸牌号：990001-0001',
      '工作电话：0999-66001001',
      '李静',
      '胸牌号：990001-0002',
      '工作电话：0999-66001002',
      '东湖新村居委会城管社区工作室',
      '地址：示例区东湖路88号居委会一楼',
      '接待时间：周一至周五9:00-17:00,周六9:00-12:00',
      ...dongHuMatters.map(flat),
    ]) {
      expect(first, text).toContain(text);
    }
    expect(first).not.toContain('示例数据');
  });

  it('puts a QR code on each page that opens exactly /b/{token} of that building', async () => {
    const res = await get(`/api/staff/placards/pdf?communityCode=${dongHu}`, 'dong.1');
    const pdf = res.rawPayload;
    const names = ['东湖新村1号楼', '东湖新村2号楼', '东湖新村3号楼'];
    for (const [i, name] of names.entries()) {
      const url = `http://linli.example.gov.cn/b/${await tokenOf(s.t, name)}`;
      expect(await readQr(pdfPagePng(pdf, i + 1))).toBe(url);
      expect(pagesOf(pdf)[i]).toContain(url);
    }
  });

  it('points the QR code at PUBLIC_BASE_URL when it is set', async () => {
    s.t.ctx.settings.publicBaseUrl = 'https://linli.yp.gov.cn';
    try {
      const token = await tokenOf(s.t, '春晖苑2号楼');
      const id = (
        await s.t.handle.db
          .selectFrom('buildings')
          .select('id')
          .where('placard_token', '=', token)
          .executeTakeFirstOrThrow()
      ).id;
      const res = await get(`/api/staff/placards/buildings/${id}/pdf`, 'dong.1');
      expect(res.statusCode).toBe(200);
      expect(pdfPageCount(res.rawPayload)).toBe(1);
      expect(await readQr(pdfPagePng(res.rawPayload))).toBe(`https://linli.yp.gov.cn/b/${token}`);
      expect(pagesOf(res.rawPayload)[0]).toContain('接待时间：周一至周五9:00-17:00');
    } finally {
      s.t.ctx.settings.publicBaseUrl = null;
    }
  });

  it('marks a placard of demo data so that it is not posted', async () => {
    const res = await get(`/api/staff/placards/pdf?communityCode=310110016-c01`, 'yinhang.admin');
    expect(res.statusCode).toBe(200);
    const [first] = pagesOf(res.rawPayload);
    expect(first).toContain('示例数据·请勿张贴');
    expect(first).toContain('杨浦“城管进社区”工作联络牌');
    expect(first).toContain('殷行一村1号楼');
  });
});

describe.skipIf(skipPdfChecks)('a street placard PDF', () => {
  it('has as many pages as the street has active buildings, and is audited', async () => {
    const url = `/api/staff/placards/pdf?streetCode=${exampleStreetCode}`;
    const before = await get(url, s.streetAdmin);
    expect(before.statusCode).toBe(200);
    expect(pdfPageCount(before.rawPayload)).toBe(6);
    expect(before.headers['content-disposition']).toBe(
      `attachment; filename="placards-${exampleStreetCode}.pdf"`,
    );

    const retired = await s.t.handle.db
      .selectFrom('buildings')
      .selectAll()
      .where('name', '=', '创新园A座')
      .executeTakeFirstOrThrow();
    await retireBuilding(s.t.handle.db, retired);
    const after = await get(url, 'admin');
    expect(pdfPageCount(after.rawPayload)).toBe(5);
    expect(pagesOf(after.rawPayload).join('')).not.toContain('创新园A座');

    const audits = await s.t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'detail'])
      .where('action', '=', 'placard.print')
      .where('detail', 'like', `%${exampleStreetCode}%`)
      .orderBy('seq')
      .execute();
    const details = audits.map((a) => JSON.parse(a.detail) as { scope: string });
    expect(details.filter((d) => d.scope === 'street')).toEqual([
      { code: exampleStreetCode, pages: 6, scope: 'street' },
      { code: exampleStreetCode, pages: 5, scope: 'street' },
    ]);
  });

  it('is written by the CLI with --mark-printed, leaving nothing to reprint', async () => {
    const out = path.join(dir, 'street.pdf');
    let report = '';
    const code = await placardsCommand(
      s.t.ctx,
      { streetCode: exampleStreetCode, out, markPrinted: true },
      'http://127.0.0.1:3000',
      { write: (text: string) => (report += text) },
    );
    expect(code).toBe(0);
    expect(report).toContain(`Wrote 5 placard page(s) to ${out}`);
    const pdf = readFileSync(out);
    expect(pdfPageCount(pdf)).toBe(5);
    const page = pagesOf(pdf).findIndex((text) => text.includes('东湖新村1号楼')) + 1;
    const token = await tokenOf(s.t, '东湖新村1号楼');
    expect(await readQr(pdfPagePng(pdf, page))).toBe(`http://127.0.0.1:3000/b/${token}`);

    const register = json<{ summary: Record<string, number> }>(
      await get(`/api/staff/placards/register?streetCode=${exampleStreetCode}`, s.streetAdmin),
    );
    expect(register.summary).toEqual({ buildings: 5, points: 5, needsReprint: 0 });
  });
});

describe('who may print which placards', () => {
  it('refuses a liaison of another street the community, the building and the street', async () => {
    const community = await get(`/api/staff/placards/pdf?communityCode=${dongHu}`, 'yinhang.1');
    expect(community.statusCode).toBe(403);
    const building = await s.t.handle.db
      .selectFrom('buildings')
      .select('id')
      .where('name', '=', '东湖新村1号楼')
      .executeTakeFirstOrThrow();
    const one = await get(`/api/staff/placards/buildings/${building.id}/pdf`, 'yinhang.1');
    expect(one.statusCode).toBe(404);
    const street = await get(`/api/staff/placards/pdf?streetCode=${exampleStreetCode}`, 'dong.1');
    expect(street.statusCode).toBe(403);
  });

  it('refuses a street admin another street and a department account everything', async () => {
    const other = await get(`/api/staff/placards/pdf?streetCode=310110016`, s.streetAdmin);
    expect(other.statusCode).toBe(403);
    const dept = await get(`/api/staff/placards/pdf?communityCode=${dongHu}`, 'fangguan.dept');
    expect(dept.statusCode).toBe(403);
    const register = await get(`/api/staff/placards/register?communityCode=${dongHu}`, 'auditor');
    expect(register.statusCode).toBe(403);
  });

  it('asks for exactly one of community and street, naming the field', async () => {
    const res = await get(
      `/api/staff/placards/pdf?communityCode=${dongHu}&streetCode=${exampleStreetCode}`,
      'admin',
    );
    expect(res.statusCode).toBe(400);
    expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe('communityCode');
    const unknown = await get('/api/staff/placards/pdf?communityCode=nope', 'admin');
    expect(unknown.statusCode).toBe(404);
  });
});
