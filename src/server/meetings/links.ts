// The other way round: from a ticket to the visit that found it and the meetings that raised or
// settled it, for the ticket's page. Each link says whether the viewer may open the record.
import type { TicketFieldWork } from '../../contract/meetings.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { visibleTicketId } from '../tickets/service.js';
import { visitsOfTicket } from '../visits/service.js';
import { meetingScope } from './service.js';
import * as store from './store.js';

/** The field work behind a ticket the actor may see; other tickets are not found. */
export async function ticketFieldWork(
  ctx: AppContext,
  actor: StaffActor,
  ticketId: string,
): Promise<TicketFieldWork> {
  const id = await visibleTicketId(ctx, actor, ticketId);
  const [visits, meetings, scope] = await Promise.all([
    visitsOfTicket(ctx, actor, id),
    store.listMeetingsOfTicket(ctx.db, id),
    meetingScope(ctx, actor),
  ]);
  const open = await Promise.all(meetings.map((m) => store.meetingInScope(ctx.db, m.id, scope)));
  return {
    visits,
    meetings: meetings.map((m, i) => ({
      id: m.id,
      kind: m.kind,
      date: m.meeting_date,
      topic: m.topic,
      link: m.link,
      canOpen: open[i] ?? false,
    })),
  };
}
