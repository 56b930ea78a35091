// What the building-file tests share: the case scene (the demo app, its sample placard's
// building in 殷行街道 and its liaison), the sample building's place, and short ways to drive a
// case to closure, print and check its placard, and file a ticket from a visit, all through the
// API of the features that own them.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { BuildingFile } from '../src/contract/buildings.js';
import type { PlacardRegister } from '../src/contract/placards.js';
import type { Visit } from '../src/contract/visits.js';
import { json } from './app.js';
import {
  caseOf,
  get,
  openCaseScene,
  post,
  registration,
  step,
  type CaseScene,
} from './case-scene.js';

/** The case scene with the sample building's ids and codes. */
export interface BuildingScene extends CaseScene {
  building: { id: string; name: string; communityId: string; communityCode: string };
}

/** Starts the demo app with its clock at `start` (Shanghai time). */
export async function openBuildingScene(start: string): Promise<BuildingScene> {
  const s = await openCaseScene(start);
  const row = await s.t.handle.db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .select([
      'buildings.id',
      'buildings.name',
      'communities.id as community_id',
      'communities.code as community_code',
    ])
    .where('buildings.placard_token', '=', s.t.demo.samplePlacard.token)
    .executeTakeFirstOrThrow();
  return {
    ...s,
    building: {
      id: row.id,
      name: row.name,
      communityId: row.community_id,
      communityCode: row.community_code,
    },
  };
}

/** The building file as a user sees it, after checking the status code. */
export async function fileOf(
  s: CaseScene,
  username: string,
  buildingId: string,
  query = '',
): Promise<BuildingFile> {
  const res = await get(
    s.t,
    await s.as(username),
    `/api/staff/buildings/${buildingId}/file${query}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return json<BuildingFile>(res);
}

/** Registers a case of `matterCode` from a ticket as `username`; returns its id. */
export async function registerCase(
  s: CaseScene,
  username: string,
  ticketId: string,
  matterCode: string,
): Promise<string> {
  const body = registration({ ticketId, matterCode, facts: '当事人在楼顶搭建彩钢板房。' });
  return caseOf(await post(s.t, await s.as(username), '/api/staff/cases', body), 201).id;
}

/**
 * Takes a registered case to 结案 today through a no-penalty decision whose follow-up found the
 * violation corrected (or not): investigate, decide, deliver, follow up, close.
 */
export async function closeCase(
  s: CaseScene,
  username: string,
  caseId: string,
  today: string,
  result: 'corrected' | 'not_corrected' = 'corrected',
): Promise<void> {
  caseOf(await step(s, username, caseId, 'investigate', {}));
  caseOf(
    await step(s, username, caseId, 'decide', {
      kind: 'no_penalty',
      decidedOn: today,
      decisionNo: `殷城管不罚〔2026〕${caseId.slice(0, 4)}号`,
      clause: 'minor_corrected',
      educationForm: 'talk',
      educationContent: '当面讲解《上海市住宅物业管理规定》的有关规定。',
      correctionDueOn: today,
      followUpOn: today,
    }),
  );
  caseOf(await step(s, username, caseId, 'deliver', { deliveredOn: today, method: 'direct' }));
  caseOf(
    await step(s, username, caseId, 'follow_up', { checkedOn: today, result, note: '现场复查' }),
  );
  const closed = caseOf(await step(s, username, caseId, 'close', {}));
  expect(closed.status).toBe('closed');
}

/** Marks the sample building's placard printed from the register; returns its point's id. */
export async function markPrinted(s: BuildingScene, username: string): Promise<string> {
  const cookie = await s.as(username);
  const url = `/api/staff/placards/register?communityCode=${s.building.communityCode}&pageSize=100`;
  const register = json<PlacardRegister>(await get(s.t, cookie, url));
  const row = register.items.find((r) => r.building.id === s.building.id);
  expect(row).toBeDefined();
  const marked = await post(s.t, cookie, '/api/staff/placards/mark-printed', {
    buildings: [{ id: s.building.id, version: row?.version ?? '' }],
  });
  expect(marked.statusCode, marked.body).toBe(200);
  const after = json<PlacardRegister>(await get(s.t, cookie, url));
  const point = after.items.find((r) => r.building.id === s.building.id)?.point?.id;
  expect(point).toBeDefined();
  return point ?? '';
}

/** Records a field check of a placard point. */
export async function checkPlacard(
  s: CaseScene,
  username: string,
  pointId: string,
  result: 'ok' | 'damaged',
): Promise<LightMyRequestResponse> {
  const res = await post(
    s.t,
    await s.as(username),
    `/api/staff/placards/points/${pointId}/checks`,
    {
      result,
    },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res;
}

/** Logs a visit today that files one report about the sample building; the visit and ticket. */
export async function visitWithIssue(
  s: BuildingScene,
  username: string,
  today: string,
): Promise<{ visitId: string; ticketId: string }> {
  const res = await post(s.t, await s.as(username), '/api/staff/visits', {
    date: today,
    communityId: s.building.communityId,
    partners: ['residents_committee'],
    issues: [
      {
        kind: 'report',
        matterCode: 'LDDW',
        buildingId: s.building.id,
        description: '走访发现2单元楼道堆放大量纸箱。',
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const visit = json<Visit>(res);
  return { visitId: visit.id, ticketId: visit.tickets[0]?.id ?? '' };
}

/** A resident's ticket at the sample placard made into a case of `matterCode` and closed today. */
export async function closedCase(
  s: CaseScene,
  username: string,
  matterCode: string,
  today: string,
  result: 'corrected' | 'not_corrected' = 'corrected',
): Promise<{ ticketId: string; caseId: string }> {
  const ticketId = await s.acceptedTicket(`楼栋内发现${matterCode}问题，请处理。`);
  const caseId = await registerCase(s, username, ticketId, matterCode);
  await closeCase(s, username, caseId, today, result);
  return { ticketId, caseId };
}

/** The re-inspections stored for a case. */
export function reinspectionsOfCase(s: CaseScene, caseId: string) {
  return s.t.handle.db
    .selectFrom('reinspections')
    .selectAll()
    .where('case_id', '=', caseId)
    .execute();
}
