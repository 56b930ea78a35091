import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import type { GuidePlaces, GuideTimeLimits } from '../../contract/guide.js';
import type { Placard } from '../../contract/org.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { createBuilding, createPlacardScene, retireBuilding } from '../../../test/factories.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

function search(q: string) {
  return t.app.inject({ url: `/api/public/guide/places?q=${encodeURIComponent(q)}` });
}

async function found(q: string): Promise<GuidePlaces> {
  const res = await search(q);
  expect(res.statusCode, res.body).toBe(200);
  return json<GuidePlaces>(res);
}

async function buildingNames(q: string): Promise<string[]> {
  return (await found(q)).items.map((p) => p.building.name);
}

describe('finding the room of a building', () => {
  it('finds the sample building by part of its community name, with placard facts', async () => {
    const { token, building, street } = t.demo.samplePlacard;
    const places = await found('殷行一');
    const place = places.items.find((p) => p.residentPath === `/b/${token}`);
    expect(place?.building.name).toBe(building);
    expect(place?.building.name).toBe('殷行一村1号楼');
    expect(place?.community.name).toBe('殷行一村居委会');
    expect(place?.street.name).toBe(street);
    const placard = json<Placard>(await t.app.inject({ url: `/api/public/placards/${token}` }));
    expect(place?.room).toEqual(placard.room);
    expect(place?.liaisons).toEqual(placard.liaisons);
    expect(place?.liaisons).toHaveLength(2);
    expect(places.items.every((p) => p.community.name === '殷行一村居委会')).toBe(true);
    expect(places.truncated).toBe(false);
  });

  it('never answers a mobile number, only name, badge and work phone', async () => {
    const places = await found('殷行一村');
    for (const liaison of places.items.flatMap((p) => p.liaisons)) {
      expect(Object.keys(liaison).sort()).toEqual(['badgeNo', 'name', 'workPhone']);
      expect(liaison.workPhone).toMatch(/^021-/);
    }
    expect(JSON.stringify(places)).not.toMatch(/1[3-9]\d{9}|mobile/);
  });

  it('lists the buildings of a community in name order, 2号楼 before 10号楼', async () => {
    const scene = await createPlacardScene(t.handle.db);
    for (const name of ['10号楼', '2号楼']) {
      await createBuilding(t.handle.db, { community: scene.community, name: `枫林苑${name}` });
    }
    expect(await buildingNames('枫林苑')).toEqual(['枫林苑2号楼', '枫林苑10号楼']);
  });

  it('finds a building by its address and by its room’s address', async () => {
    const scene = await createPlacardScene(t.handle.db);
    await createBuilding(t.handle.db, { community: scene.community, address: '松花江路2539弄' });
    expect((await found('2539弄')).items.map((p) => p.building.address)).toEqual([
      '松花江路2539弄',
    ]);
    await t.handle.db
      .updateTable('rooms')
      .set({ address: '嫩江路长白小区会所二楼' })
      .where('id', '=', scene.room.id)
      .execute();
    const byRoom = await found('长白小区会所');
    expect(byRoom.items).toHaveLength(2);
    expect(byRoom.items.every((p) => p.room.address === '嫩江路长白小区会所二楼')).toBe(true);
  });

  it('takes % and _ literally', async () => {
    const scene = await createPlacardScene(t.handle.db);
    for (const name of ['达标100%楼', '达标1000楼', '甲_乙楼', '甲丙乙楼']) {
      await createBuilding(t.handle.db, { community: scene.community, name });
    }
    expect(await buildingNames('100%')).toEqual(['达标100%楼']);
    expect(await buildingNames('甲_乙')).toEqual(['甲_乙楼']);
    expect(await buildingNames('%')).toEqual(['达标100%楼']);
  });

  it('ignores the case of Latin letters on both databases', async () => {
    const scene = await createPlacardScene(t.handle.db);
    await createBuilding(t.handle.db, { community: scene.community, name: 'Riverside Block A' });
    expect(await buildingNames('riverside block')).toEqual(['Riverside Block A']);
  });

  it('leaves out retired buildings and buildings of a community without a room', async () => {
    const scene = await createPlacardScene(t.handle.db);
    const old = await createBuilding(t.handle.db, { community: scene.community, name: '旧厂房甲' });
    await retireBuilding(t.handle.db, old);
    await createBuilding(t.handle.db, { name: '旧厂房乙' });
    expect(await buildingNames('旧厂房')).toEqual([]);
  });

  it('answers at most 20 places and says when more matched', async () => {
    const places = await found('杨浦区');
    expect(places.items).toHaveLength(20);
    expect(places.truncated).toBe(true);
  });
});

describe('bad search text', () => {
  async function refused(url: string): Promise<ErrorBody> {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(400);
    const body = json<ErrorBody>(res);
    expect(body.error).toBe('validation_failed');
    return body;
  }

  it('refuses an empty or blank search, naming the field', async () => {
    for (const q of ['', '%20%20']) {
      const body = await refused(`/api/public/guide/places?q=${q}`);
      expect(body.details).toEqual([
        { field: 'querystring.q', message: '不能为空', messageEn: 'must not be empty' },
      ]);
    }
    const missing = await refused('/api/public/guide/places');
    expect(missing.details?.[0]?.field).toBe('querystring.q');
    expect(missing.details?.[0]?.message).toBe('必填');
  });

  it('refuses a search of 41 characters and takes one of 40', async () => {
    const body = await refused(`/api/public/guide/places?q=${encodeURIComponent('楼'.repeat(41))}`);
    expect(body.details).toEqual([
      { field: 'querystring.q', message: '不能超过 40 个字', messageEn: 'at most 40 characters' },
    ]);
    expect((await search('楼'.repeat(40))).statusCode).toBe(200);
  });
});

describe('the time limits the guide tells', () => {
  async function limits() {
    const res = await t.app.inject({ url: '/api/public/guide/time-limits' });
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(json<GuideTimeLimits>(res).items.map((i) => [i.kind, i]));
  }

  it('are the defaults of 沪府办〔2018〕62号 in working days', async () => {
    const byKind = await limits();
    expect(byKind.consultation).toEqual({
      kind: 'consultation',
      firstContactDays: 1,
      resolveDays: 1,
    });
    expect(byKind.complaint?.resolveDays).toBe(5);
    expect(byKind.report?.resolveDays).toBe(5);
    expect(Object.keys(byKind).sort()).toEqual([
      'complaint',
      'consultation',
      'help',
      'report',
      'suggestion',
    ]);
  });

  it('follow a policy the bureau sets', async () => {
    const cookie = await loginAs(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/deadline-policies',
      headers: { cookie },
      payload: { kind: 'help', firstContactDays: 1, resolveDays: 3 },
    });
    expect(res.statusCode).toBe(200);
    expect((await limits()).help?.resolveDays).toBe(3);
  });
});
