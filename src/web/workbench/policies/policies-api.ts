import type { z } from 'zod';

import type {
  DeadlinePolicyInput,
  deadlinePoliciesSchema,
  deadlinePolicyRowSchema,
} from '../../../contract/policies';
import { apiGet, apiRequest } from '../../shared/api-client';

export type DeadlinePolicies = z.infer<typeof deadlinePoliciesSchema>;
export type DeadlinePolicyRow = z.infer<typeof deadlinePolicyRowSchema>;

/** The policies in force (defaults where the bureau set none) and every policy ever set. */
export const fetchPolicies = (signal?: AbortSignal) =>
  apiGet<DeadlinePolicies>('/api/staff/deadline-policies', signal);

/** Sets a policy in force from now; the answer is the policies after it. */
export const postPolicy = (body: DeadlinePolicyInput) =>
  apiRequest<DeadlinePolicies>('POST', '/api/staff/deadline-policies', { body });
