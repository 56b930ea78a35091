import { describe, expect, it } from 'vitest';

import { stepBody } from './step-body';

describe('the body of a case step', () => {
  it('sends a fine typed in yuan as fen and an unticked box as false', () => {
    expect(
      stepBody('decide', {
        kind: 'penalty',
        decidedOn: '2026-03-12',
        decisionNo: ' 罚1号 ',
        fineFen: '500',
        serious: undefined,
      }),
    ).toEqual({
      kind: 'penalty',
      decidedOn: '2026-03-12',
      decisionNo: '罚1号',
      fineFen: 50_000,
      serious: false,
    });
  });

  it('leaves out empty optional text and the fine of a no-penalty decision', () => {
    expect(stepBody('close', { note: '  ' })).toEqual({});
    expect(stepBody('decide', { kind: 'no_penalty', fineFen: '100', clause: 'no_fault' })).toEqual({
      kind: 'no_penalty',
      clause: 'no_fault',
    });
  });
});
