import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import type { MatterHistory, StaffMatterList } from '../../contract/matters.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
let admin: string;

function send(method: 'POST' | 'PUT', url: string, cookie: string, payload: unknown) {
  return t.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie },
  });
}

function history(code: string, cookie = admin) {
  return t.app.inject({ url: `/api/staff/matters/${code}`, headers: { cookie } });
}

/** The edit body of a matter as it stands, with some fields changed. */
async function editOf(code: string, changes: Record<string, unknown>) {
  const { matter } = json<MatterHistory>(await history(code));
  const texts = {
    name: matter.name,
    nameEn: matter.nameEn,
    prohibitionBasis: matter.prohibitionBasis,
    penaltyBasis: matter.penaltyBasis,
    penaltyRange: matter.penaltyRange,
    handlingBody: matter.handlingBody,
    handledByChengguan: matter.handledByChengguan,
    education: matter.education,
    educationTopic: matter.educationTopic,
    sort: matter.sort,
  };
  const revision = matter.revision;
  return { ...texts, baseRevision: revision, ...changes };
}

async function auditRows(action: string) {
  return t.handle.db
    .selectFrom('audit_entries')
    .select(['actor_id', 'record_type', 'record_id', 'detail'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t.app, 'admin');
});

afterAll(async () => {
  await t.close();
});

describe('the bureau admin editing the catalogue', () => {
  it('lists every seeded matter at revision 1', async () => {
    const res = await t.app.inject({ url: '/api/staff/matters', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const { items } = json<StaffMatterList>(res);
    expect(items).toHaveLength(17);
    expect(items.every((m) => m.revision === 1 && m.active)).toBe(true);
    expect(items.find((m) => m.code === 'FXCD')).toMatchObject({
      educationTopic: 'flying_wire',
      handledByChengguan: true,
    });
  });

  it('saves an edit as revision 2 with its reason, changed fields and an audit entry', async () => {
    const body = await editOf('FXCD', {
      education: '电动自行车请到小区集中充电棚充电，严禁飞线充电。',
      handlingBody: '街道综合行政执法队',
      reason: '按2026年街道执法事项清单更新',
    });
    const res = await send('PUT', '/api/staff/matters/FXCD', admin, body);
    expect(res.statusCode).toBe(200);
    const after = json<MatterHistory>(res);
    expect(after.matter).toMatchObject({
      revision: 2,
      education: '电动自行车请到小区集中充电棚充电，严禁飞线充电。',
      handlingBody: '街道综合行政执法队',
      penaltyRange: '责令改正，处50元以上200元以下罚款',
    });
    const [latest, first] = after.revisions;
    expect(latest).toMatchObject({
      revision: 2,
      action: 'edit',
      reason: '按2026年街道执法事项清单更新',
    });
    expect(latest?.staff?.name).toBeTruthy();
    expect(latest?.changes).toEqual([
      {
        field: 'handlingBody',
        before: '区城管执法局或街道综合行政执法队（以街道公布的执法事项清单为准）',
        after: '街道综合行政执法队',
      },
      {
        field: 'education',
        before: expect.stringContaining('不得私拉电线和插座') as unknown,
        after: '电动自行车请到小区集中充电棚充电，严禁飞线充电。',
      },
    ]);
    expect(first).toMatchObject({ revision: 1, action: 'seed', staff: null });
    expect(first?.changes.map((c) => c.field)).toContain('name');

    const [entry] = await auditRows('matter.edit');
    expect(entry).toMatchObject({ record_type: 'matter', record_id: 'FXCD' });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({
      revision: 2,
      fields: ['handlingBody', 'education'],
    });
  });

  it('refuses an edit made on an older revision, changing nothing', async () => {
    const body = await editOf('FXCD', { name: '飞线充电', baseRevision: 1, reason: '改名称' });
    const res = await send('PUT', '/api/staff/matters/FXCD', admin, body);
    expect(res.statusCode).toBe(409);
    expect(json<ErrorBody>(res).details?.[0]?.field).toBe('baseRevision');
    expect(json<MatterHistory>(await history('FXCD')).matter.name).toContain('私拉电线');
  });

  it('refuses an edit that changes nothing', async () => {
    const res = await send(
      'PUT',
      '/api/staff/matters/CZJG',
      admin,
      await editOf('CZJG', { reason: '核对' }),
    );
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).details?.[0]).toMatchObject({ messageEn: 'nothing was changed' });
    expect(json<MatterHistory>(await history('CZJG')).revisions).toHaveLength(1);
  });

  it('creates a matter that 城管 does not handle, naming where residents should go', async () => {
    const res = await send('POST', '/api/staff/matters', admin, {
      code: 'XFTD',
      name: '占用、堵塞、封闭疏散通道或安全出口',
      nameEn: 'Blocking an escape route or emergency exit',
      prohibitionBasis: '《中华人民共和国消防法》第二十八条',
      penaltyBasis: '《中华人民共和国消防法》第六十条',
      penaltyRange: '单位处5千元以上5万元以下罚款；个人处警告或者500元以下罚款',
      handlingBody: '消防救援机构（拨打119或向街道消防站反映）',
      handledByChengguan: false,
      education: '楼道是逃生通道，请勿堆物。',
      educationTopic: 'corridor_clutter',
      reason: '居民常问，列明办理单位',
    });
    expect(res.statusCode).toBe(200);
    const created = json<MatterHistory>(res);
    expect(created.matter).toMatchObject({ code: 'XFTD', handledByChengguan: false, sort: 18 });
    expect(created.revisions).toHaveLength(1);
    expect(created.revisions[0]).toMatchObject({
      action: 'create',
      reason: '居民常问，列明办理单位',
    });
    expect(await auditRows('matter.create')).toHaveLength(1);

    const again = await send('POST', '/api/staff/matters', admin, {
      ...created.matter,
      reason: '重复',
    });
    expect(again.statusCode).toBe(409);
    expect(json<ErrorBody>(again).details?.[0]?.field).toBe('code');
  });
});

describe('a refused form', () => {
  it('names each wrong field in Chinese and English and writes nothing', async () => {
    const body = await editOf('LDDW', { name: '  ', reason: '', educationTopic: '消防' });
    const res = await send('PUT', '/api/staff/matters/LDDW', admin, body);
    expect(res.statusCode).toBe(400);
    const issues = json<ErrorBody>(res).details ?? [];
    const byField = Object.fromEntries(issues.map((i) => [i.field, i]));
    expect(byField.name).toMatchObject({
      message: '事项名称：不能为空',
      messageEn: 'Matter name: must not be empty',
    });
    expect(byField.reason?.message).toBe('修改原因：至少 2 个字');
    expect(byField.educationTopic?.message).toMatch(/^普法专题：取值无效/);
    expect(json<MatterHistory>(await history('LDDW')).revisions).toHaveLength(1);
  });

  it('refuses a malformed code for a new matter', async () => {
    const res = await send('POST', '/api/staff/matters', admin, { code: 'fx cd' });
    expect(res.statusCode).toBe(400);
    const fields = (json<ErrorBody>(res).details ?? []).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'penaltyBasis', 'reason']));
  });
});

describe('who may do what', () => {
  it('lets street admins and liaisons read the catalogue and history, not change it', async () => {
    for (const username of ['yinhang.admin', 'yinhang.1']) {
      const cookie = await loginAs(t.app, username);
      const res = await history('FXCD', cookie);
      expect(res.statusCode).toBe(200);
      expect(json<MatterHistory>(res)).toMatchObject({ canEdit: false });
      const body = await editOf('FXCD', { name: '改名', reason: '越权' });
      expect((await send('PUT', '/api/staff/matters/FXCD', cookie, body)).statusCode).toBe(403);
      const retire = { baseRevision: 2, reason: '越权' };
      expect(
        (await send('POST', '/api/staff/matters/FXCD/retire', cookie, retire)).statusCode,
      ).toBe(403);
    }
    expect(json<MatterHistory>(await history('FXCD')).matter.revision).toBe(2);
  });

  it('keeps departments and strangers out', async () => {
    const dept = await loginAs(t.app, 'fangguan.dept');
    expect((await history('FXCD', dept)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/staff/matters' })).statusCode).toBe(401);
  });
});
