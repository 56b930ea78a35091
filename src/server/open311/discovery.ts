// The discovery document of the Open311 interface: who runs it, how to get a key, and the one
// GeoReport v2 endpoint with both formats.
import { OPEN311_PAGE_MAX, type Open311Discovery } from '../../contract/open311.js';

/** When this document and the endpoint's contract last changed; bump it with the contract. */
export const OPEN311_CHANGESET = '2025-09-01T00:00:00+08:00';

/** The path every Open311 resource lives under. */
export const OPEN311_BASE = '/open311/v2';

/** The discovery document for a server reached at `origin`. */
export function discoveryOf(origin: string): Open311Discovery {
  return {
    changeset: OPEN311_CHANGESET,
    contact: '区城管执法局 社区治理服务平台 / District urban management bureau, Linli platform',
    key_service:
      '合作单位向区城管执法局申请，由局管理员在工作台签发 API 密钥 / ' +
      'Partners ask the district bureau; a bureau administrator issues the API key',
    max_requests: OPEN311_PAGE_MAX,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${origin}${OPEN311_BASE}`,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
