import type { CaseStep } from '../../../contract/cases';
import { yuanToFen } from './money';

/** Fields typed in 元 that the server takes in fen; the form names them as the server does. */
const amountFields = ['proposedFineFen', 'fineFen'];
const flagFields = ['hearingRight', 'waivesHearing', 'serious'];

/**
 * The body of a case step from its form: text trimmed and empty optional text left out, amounts
 * turned from 元 into fen, unticked boxes sent as false.
 */
export function stepBody(step: CaseStep, values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (amountFields.includes(name)) {
      body[name] = typeof value === 'string' ? yuanToFen(value) : value;
    } else if (typeof value === 'string') {
      const text = value.trim();
      if (text !== '') {
        body[name] = text;
      }
    } else if (value !== undefined && value !== null) {
      body[name] = value;
    }
  }
  for (const flag of flagFields) {
    if (flag in values) {
      body[flag] = values[flag] === true;
    }
  }
  if (step === 'decide' && body.kind !== 'penalty') {
    delete body.fineFen;
    delete body.serious;
  }
  return body;
}
