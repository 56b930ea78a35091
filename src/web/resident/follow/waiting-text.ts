import type { ResidentTicket } from '../../../contract/tickets';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';

/**
 * What the follow page says while a ticket has no answer yet: the date it will be answered by,
 * or, once it became an enforcement case (its clock stopped), that it follows the case and the
 * result is told when the case ends — the ticket's own deadline no longer applies then.
 */
export function waitingText(
  t: Translate,
  ticket: Pick<ResidentTicket, 'status' | 'deadlines'>,
): string {
  if (ticket.status === 'in_case') {
    return t('follow.reply.waiting_case');
  }
  return t('follow.reply.waiting', { due: formatDateTime(ticket.deadlines.resolveDueAt) });
}
