import { errorBodySchema } from '../../contract/common.js';

/** The error answers a route documents in OpenAPI: every one has the same body. */
export function errorResponses<S extends number>(
  ...statuses: S[]
): Record<S, typeof errorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorBodySchema])) as Record<
    S,
    typeof errorBodySchema
  >;
}
