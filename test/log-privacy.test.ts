// The log holds no personal data (docs/security.md): a scene of residents and staff is driven
// through an app whose logger writes every line, at debug, into this test; none of the names,
// phone numbers, identity numbers and addresses typed in the scene may appear in any line, in
// the form typed or as its bare digits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { json, loginAs, prepareTestApp, type TestApp } from './app.js';
import { ids, registration } from './case-scene.js';
import { application, openCreditScene, uploadMaterial, type CreditScene } from './credit-scene.js';

/** What the scene's people typed that the log must never hold. */
const personal = {
  names: ['王小明', '赵六', '张三丰'],
  phones: [
    '139 8765 4321',
    '13611112222',
    '13912345678',
    '1398765432X',
    '１３７ ００１３ ７０００',
  ],
  idNumbers: [ids.personA, ids.personB, '31011019800101123X'],
  addresses: ['殷行路200弄5号602室', '殷行路300弄7号402室'],
};

let s: CreditScene;
const lines: string[] = [];
/** The bearer token of the scene's follow link: whoever reads it may act on that ticket. */
let followToken = '';

/** Every line as written and as its JSON reads back, so an escaped character cannot hide. */
function logText(): string {
  return lines.map((l) => `${l}\n${JSON.stringify(JSON.parse(l))}`).join('\n');
}

async function driveScene(t: TestApp) {
  const inject = t.app.inject.bind(t.app);
  const token = t.demo.samplePlacard.token;
  const ticket = (phone: string) =>
    inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: token,
        kind: 'complaint',
        description: '我住在殷行路200弄5号602室，楼下有人占道经营。',
        phone,
        reporterName: '王小明',
      },
    });
  const filed = await ticket('139 8765 4321');
  expect(filed.statusCode).toBe(201);
  followToken = json<{ accessToken: string }>(filed).accessToken;
  const followed = await inject({ url: `/api/public/tickets/${followToken}` });
  expect(followed.statusCode).toBe(200);
  expect((await inject({ url: `/t/${followToken}` })).statusCode).toBe(404);
  const refused = await ticket('1398765432X');
  expect(refused.statusCode).toBe(400);
  expect(json<{ details: { field: string }[] }>(refused).details[0]?.field).toBe('phone');

  const wrong = { username: 'admin', password: 'not-the-password' };
  expect(
    (await inject({ method: 'POST', url: '/api/auth/login', payload: wrong })).statusCode,
  ).toBe(401);
  const admin = await loginAs(t.app, 'admin');
  const search = await inject({
    method: 'POST',
    url: '/api/staff/tickets/search-by-phone',
    payload: { phone: '13987654321' },
    headers: { cookie: admin },
  });
  expect(search.statusCode, search.body).toBe(200);
  expect(json<{ total: number }>(search).total).toBe(1);

  const liaison = await loginAs(t.app, s.users.liaison);
  const party = {
    kind: 'person',
    name: '赵六',
    idNumber: ids.personB,
    address: '殷行路300弄7号402室',
    phone: '13611112222',
  };
  const registered = await inject({
    method: 'POST',
    url: '/api/staff/cases',
    payload: registration({ party }),
    headers: { cookie: liaison },
  });
  expect(registered.statusCode, registered.body).toBe(201);
}

async function driveCreditRepair(t: TestApp) {
  const inject = t.app.inject.bind(t.app);
  s.at('2026-06-15T09:00:00');
  const check = (idNumber: string) =>
    inject({
      method: 'POST',
      url: '/api/public/credit/check',
      payload: { decisionNo: 'x', idNumber },
    });
  expect((await check('31011019800101123X')).statusCode).toBeGreaterThanOrEqual(400);
  const photo = await uploadMaterial(t);
  const applied = await inject({
    method: 'POST',
    url: '/api/public/credit/applications',
    payload: application([{ item: 'identity', photoId: photo }]),
  });
  expect(applied.statusCode, applied.body).toBe(201);
  const asked = await inject({
    method: 'POST',
    url: '/api/public/mine/code',
    payload: { phone: '１３７ ００１３ ７０００' },
  });
  expect(asked.statusCode, asked.body).toBe(202);
  const verify = { phone: '13912345678', code: '000000' };
  const failed = await inject({ method: 'POST', url: '/api/public/mine/verify', payload: verify });
  expect(failed.statusCode).toBeGreaterThanOrEqual(400);
}

beforeAll(async () => {
  s = await openCreditScene();
  const app = await buildApp(s.t.ctx, {
    logLevel: 'debug',
    logStream: { write: (line: string) => lines.push(line) },
  });
  prepareTestApp(app, s.t.ctx);
  const t: TestApp = { ...s.t, app };
  try {
    await driveScene(t);
    await driveCreditRepair(t);
  } finally {
    await app.close();
  }
});

afterAll(async () => {
  await s.close();
});

describe('the log of a day of residents and staff', () => {
  it("keeps a follow link's address without its token", () => {
    const text = logText();
    expect(followToken.length).toBeGreaterThan(10);
    expect(text).not.toContain(followToken);
    expect(text).toContain('/api/public/tickets/[token]');
    expect(text).toContain('/t/[token]');
  });

  it('has a line for each request of the scene, with its request id', () => {
    const text = logText();
    for (const url of ['/api/public/tickets', '/api/auth/login', '/api/staff/cases']) {
      expect(text).toContain(url);
    }
    expect(text).toContain('/api/public/credit/applications');
    expect(lines.length).toBeGreaterThan(20);
  });

  it('holds none of the names, phones, identity numbers and addresses typed', () => {
    const text = logText();
    const typed = Object.values(personal).flat();
    const digits = typed
      .map((v) => v.normalize('NFKC').replace(/\D/g, ''))
      .filter((d) => d.length >= 7);
    for (const value of [...typed, ...digits]) {
      expect(text, value).not.toContain(value);
    }
  });
});
