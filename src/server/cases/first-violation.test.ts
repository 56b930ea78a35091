import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffCase } from '../../contract/case-views.js';
import {
  caseOf,
  get,
  ids,
  openCaseScene,
  post,
  registration,
  step,
  type CaseScene,
} from '../../../test/case-scene.js';

let s: CaseScene;
const admin = 'yinhang.admin';

beforeAll(async () => {
  s = await openCaseScene('2026-04-01T09:00:00');
});

afterAll(async () => {
  await s.close();
});

/** A patrol finding against a company (no ticket), registered by the street admin. */
async function patrolCase(matterCode: string, idNumber: string): Promise<StaffCase> {
  const body = registration({
    matterCode,
    party: {
      kind: 'organisation',
      name: '上海某某物业管理有限公司',
      idNumber,
      address: '殷行路200号',
    },
  });
  return caseOf(await post(s.t, await s.as(admin), '/api/staff/cases', body), 201);
}

function firstViolationDecision(decidedOn: string) {
  return {
    kind: 'no_penalty',
    decidedOn,
    decisionNo: '殷城管不罚〔2026〕2号',
    clause: 'first_minor_corrected',
    educationForm: 'written_warning',
    educationContent: '书面告诫：楼道属共用部位，不得堆放物品。',
    correctionDueOn: decidedOn,
    followUpOn: decidedOn,
  };
}

describe('first violations, recognised from earlier cases of the same party and matter', () => {
  let first: StaffCase;

  it('takes a company with no earlier case for a first violation and spares it', async () => {
    first = await patrolCase('LDDW', ids.companyA);
    expect(first.source).toBe('patrol');
    expect(first.ticket).toBeNull();
    expect(first.party.name).toBe('上海****公司');
    expect(first.history).toEqual({ firstViolation: true, earlier: [] });
    caseOf(await step(s, admin, first.id, 'investigate', {}));
    const decided = caseOf(
      await step(s, admin, first.id, 'decide', firstViolationDecision('2026-04-01')),
    );
    expect(decided.status).toBe('decided');
    expect(decided.decision?.nonPenalty?.clause).toBe('first_minor_corrected');
  });

  it('finds the earlier case when a company is registered again for the matter', async () => {
    s.at('2026-05-06T09:00:00');
    // The same code typed with a space and in lower case is the same company.
    const typed = `${ids.companyA.slice(0, 9)} ${ids.companyA.slice(9).toLowerCase()}`;
    const again = await patrolCase('LDDW', typed);
    expect(again.history).toEqual({
      firstViolation: false,
      earlier: [{ caseNo: first.caseNo, registeredOn: '2026-04-01' }],
    });
    caseOf(await step(s, admin, again.id, 'investigate', {}));
    const refused = await step(s, admin, again.id, 'decide', firstViolationDecision('2026-05-06'));
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ details: { field: string }[] }>().details[0]?.field).toBe('clause');
    const unchanged = caseOf(await get(s.t, await s.as(admin), `/api/staff/cases/${again.id}`));
    expect(unchanged.status).toBe('investigating');
  });

  it('does not count a case of the same company for another matter', async () => {
    const other = await patrolCase('PHWM', ids.companyA);
    expect(other.history).toEqual({ firstViolation: true, earlier: [] });
  });

  it('does not count another company for the same matter', async () => {
    const other = await patrolCase('LDDW', ids.companyB);
    expect(other.history.firstViolation).toBe(true);
  });

  it('does not count a cancelled registration as an earlier violation', async () => {
    const person = registration({ matterCode: 'FXCD' });
    const cancelled = caseOf(await post(s.t, await s.as(admin), '/api/staff/cases', person), 201);
    caseOf(await step(s, admin, cancelled.id, 'cancel', { reason: '经核查不属实' }));
    const next = caseOf(await post(s.t, await s.as(admin), '/api/staff/cases', person), 201);
    expect(next.history.firstViolation).toBe(true);
  });

  it('refuses an identity number whose check character is wrong, naming the field', async () => {
    const res = await post(
      s.t,
      await s.as(admin),
      '/api/staff/cases',
      registration({
        party: {
          kind: 'person',
          name: '王五',
          idNumber: '310110198001011237',
          address: '殷行路1号',
        },
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ details: { field: string; message: string }[] }>().details[0]).toMatchObject({
      field: 'party.idNumber',
      message: '居民身份证号码无效',
    });
  });
});
