// The access policy of the routes without a staff role: the resident pages' API, sign-in,
// Open311 and the partner integrations (access-policy.ts explains the callers).
import type { AccessPolicy, PolicyEntry } from './access-policy.js';

const open: PolicyEntry = { who: 'public' };
const receipt: PolicyEntry = { who: 'receipt' };
const partner: PolicyEntry = { who: 'partner' };
const signedIn: PolicyEntry = { who: 'signed_in' };
const secondFactor: PolicyEntry = { who: 'second_factor' };

/** Operations, resident pages, sign-in and partner systems. */
export const openRoutePolicy: AccessPolicy = {
  'GET /healthz': open,
  'GET /api/openapi.json': open,

  // Reporting and following a ticket: the follow link's token is the resident's receipt.
  'GET /api/public/placards/:token': open,
  'POST /api/public/photos': open,
  'POST /api/public/tickets': open,
  'GET /api/public/tickets/:accessToken': receipt,
  'POST /api/public/tickets/:accessToken/rating': receipt,
  'POST /api/public/tickets/:accessToken/reopen': receipt,
  'GET /api/public/tickets/:accessToken/photos/:photoId': receipt,

  // "My requests": the code by SMS opens the phone-verified session; a receipt code needs none.
  'POST /api/public/mine/code': open,
  'POST /api/public/mine/verify': open,
  'GET /api/public/mine': { who: 'resident' },
  'POST /api/public/mine/logout': open,
  'POST /api/public/mine/receipt': open,

  // Credit repair: a resident applies; the link sent back is the receipt of the application.
  'POST /api/public/credit/check': open,
  'POST /api/public/credit/applications': open,
  'GET /api/public/credit/r/:token': receipt,
  'POST /api/public/credit/r/:token/materials': receipt,
  'GET /api/public/credit/r/:token/letter.pdf': receipt,

  'GET /api/public/qa': open,
  'GET /api/public/qa/:id': open,
  'GET /api/public/suggestion-campaigns': open,
  'GET /api/public/suggestion-campaigns/:id': open,
  'POST /api/public/suggestions': open,
  'GET /api/public/suggestions/:token': receipt,
  'GET /api/public/adopted-suggestions': open,
  'GET /api/public/education/topics': open,
  'GET /api/public/education/items': open,
  'GET /api/public/education/items/:id': open,
  'POST /api/public/education/items/:id/views': open,
  'GET /api/public/education/events': open,
  'GET /api/public/education/media/:id': open,
  'GET /api/public/matters': open,
  'GET /api/public/matters/:code': open,
  'GET /api/public/guide/places': open,
  'GET /api/public/guide/time-limits': open,
  'GET /api/public/surveys/:id': open,
  'GET /api/public/placards/:token/surveys': open,
  'POST /api/public/surveys/:id/answers': open,

  // Sign-in: the password opens a session that owes its second factor for the admin roles.
  'POST /api/auth/login': open,
  'POST /api/auth/totp/enrol': secondFactor,
  'POST /api/auth/totp/confirm': secondFactor,
  'POST /api/auth/totp/verify': secondFactor,
  'POST /api/auth/logout': signedIn,
  'GET /api/auth/me': signedIn,
  // Only the roles that receive ticket notifications register a mobile (accounts/mobile.ts).
  'PUT /api/auth/mobile': { who: ['liaison', 'street_admin', 'bureau_admin'] },
  'POST /api/auth/password': signedIn,

  // Open311 GeoReport v2: reading is open; writing needs a partner's api_key (403 without).
  'GET /open311/v2/discovery.:format': open,
  'GET /open311/v2/services.:format': open,
  'GET /open311/v2/services/:id.:format': open,
  'GET /open311/v2/requests.:format': open,
  'GET /open311/v2/requests/:id.:format': open,
  'GET /open311/v2/tokens/:id.:format': open,
  'GET /open311/v2/servicerequestupdates.:format': open,
  'POST /open311/v2/requests.:format': partner,
  'POST /open311/v2/servicerequestupdates.:format': partner,
  'POST /api/integrations/city-ops/orders': partner,
};
