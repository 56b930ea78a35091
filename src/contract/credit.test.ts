// The contract and the domain machine each write the lists of credit repair out (the contract
// imports only zod, the domain nothing); this keeps the two the same, in the same order.
import { describe, expect, it } from 'vitest';
import * as machine from '../domain/credit-repair-machine.js';
import * as contract from './credit.js';

describe('the lists of credit repair', () => {
  it('are the same in the contract and in the domain', () => {
    expect(contract.applicantKinds).toEqual(machine.applicantKinds);
    expect(contract.materialItems).toEqual(machine.materialItems);
    expect(contract.creditRepairStatuses).toEqual(machine.creditRepairStatuses);
    expect(contract.creditRepairSteps).toEqual(machine.creditRepairSteps);
  });
});
