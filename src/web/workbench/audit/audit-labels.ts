import { ticketActions } from '../../../contract/tickets';
import type { I18n } from '../../i18n/i18n-context';

type Labels = Pick<I18n, 't' | 'has'>;

/**
 * The label of an audited action. A ticket step (`ticket.accept`) reuses the step's own label;
 * an action this version does not know is shown as stored, never hidden.
 */
export function auditActionLabel(i18n: Labels, action: string): string {
  const step = action.startsWith('ticket.') ? action.slice('ticket.'.length) : '';
  if ((ticketActions as readonly string[]).includes(step)) {
    return i18n.t('audit.action.ticket_step', { step: i18n.t(`ticket.action.${step}`) });
  }
  const key = `audit.action.${action}`;
  return i18n.has(key) ? i18n.t(key) : action;
}

/** The label of a record type, or the type as stored. */
export function auditRecordTypeLabel(i18n: Labels, recordType: string): string {
  const key = `audit.record_type.${recordType}`;
  return i18n.has(key) ? i18n.t(key) : recordType;
}

/** The label of an actor kind (staff, resident, system, department), or the kind as stored. */
export function auditActorKindLabel(i18n: Labels, kind: string): string {
  const key = `audit.actor_kind.${kind}`;
  return i18n.has(key) ? i18n.t(key) : kind;
}
