// Our detailed ticket states on the two states of GeoReport v2. One table decides, and every
// answer (request lists, single requests, updates, the status filter) reads it, so a state is
// never open in one place and closed in another.
import type { TicketStatus } from '../../contract/tickets.js';

/** open: reported, work still to do; closed: answered, declined, merged or closed after rating. */
export const open311StatusOf: Record<TicketStatus, 'open' | 'closed'> = {
  submitted: 'open',
  accepted: 'open',
  contacted: 'open',
  in_case: 'open',
  returned: 'open',
  resolved: 'closed',
  closed: 'closed',
  declined: 'closed',
  merged: 'closed',
};

/** The detailed states that are open or closed to Open311, for the status filter. */
export function statusesOf(status: 'open' | 'closed'): TicketStatus[] {
  return (Object.keys(open311StatusOf) as TicketStatus[]).filter(
    (s) => open311StatusOf[s] === status,
  );
}

/** Why the request is in its state, from codes only (never the free text of a reply). */
export const statusNoteOf: Record<TicketStatus, string> = {
  submitted: '已提交，待受理 / Submitted, awaiting acceptance',
  accepted: '已受理，办理中 / Accepted, being handled',
  contacted: '已联系，办理中 / Contacted, being handled',
  in_case: '已转为执法案件办理 / Being handled as an enforcement case',
  returned: '已退回重新派单 / Returned for reassignment',
  resolved: '已办结并答复 / Resolved and answered',
  closed: '已办结 / Closed',
  declined: '不予受理 / Declined',
  merged: '与另一诉求合并办理 / Merged into another request',
};

/** The ticket events the update feed publishes, with the Open311 state each leaves behind. */
export const publishedEvents: Readonly<
  Record<string, { status: 'open' | 'closed'; note: string }>
> = {
  submitted: { status: 'open', note: '已提交 / Submitted' },
  accepted: { status: 'open', note: '已受理 / Accepted' },
  contacted: { status: 'open', note: '已先行联系 / First contact made' },
  escalated: { status: 'open', note: '已升级办理 / Escalated' },
  returned_down: { status: 'open', note: '已交回下级办理 / Handed back down' },
  sent_back: { status: 'open', note: '已退回待重新派单 / Sent back for rerouting' },
  rerouted: { status: 'open', note: '已重新派单 / Rerouted' },
  moved_to_case: { status: 'open', note: '已转为执法案件 / Became an enforcement case' },
  resolved: { status: 'closed', note: '已办结并答复 / Resolved and answered' },
  declined: { status: 'closed', note: '不予受理 / Declined' },
  merged_into: { status: 'closed', note: '与另一诉求合并 / Merged into another request' },
  rated: { status: 'closed', note: '已评价，办结 / Rated and closed' },
  closed_unrated: { status: 'closed', note: '逾期未评价，办结 / Closed without rating' },
  reopened: { status: 'open', note: '已重新办理 / Reopened' },
};
