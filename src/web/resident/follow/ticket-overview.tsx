import type { ResidentTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { matterName } from '../../shared/matter-name';

function Due({ at, overdue }: { at: string | null; overdue: boolean }) {
  const { t } = useI18n();
  if (!at) {
    return <dd>{t('follow.due_none')}</dd>;
  }
  return (
    <dd>
      {formatDateTime(at)}
      {overdue ? <span className="r-tag r-tag-danger">{t('ticket.overdue')}</span> : null}
    </dd>
  );
}

/** The head of the follow page: status, tracking code, kind, matter, place and deadlines. */
export function TicketOverview({ ticket }: { ticket: ResidentTicket }) {
  const { t, locale } = useI18n();
  const { deadlines } = ticket;
  return (
    <section className="r-hero" data-testid="follow-overview">
      <p className="r-hero-kicker">
        {t('follow.tracking_code')}{' '}
        <span data-testid="follow-tracking-code">{ticket.trackingCode}</span>
      </p>
      <h1>
        <span className={`r-status r-status-${ticket.status}`} data-testid="follow-status">
          {t(`ticket.status.${ticket.status}`)}
        </span>
      </h1>
      <p>{t(`ticket.status_hint.${ticket.status}`)}</p>
      <p className="r-hero-tier" data-testid="follow-tier" data-tier={ticket.tier}>
        {t(`follow.tier.${ticket.tier}`)}
      </p>
      {ticket.reopenCount > 0 ? (
        <p className="r-hero-note" data-testid="follow-reopen-count">
          {t('follow.reopen_count', { count: ticket.reopenCount })}
        </p>
      ) : null}
      <dl className="r-facts r-facts-on-hero">
        <div>
          <dt>{t('ticket.field.kind')}</dt>
          <dd data-testid="follow-kind">{t(`ticket.kind.${ticket.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('ticket.field.matter')}</dt>
          <dd>{ticket.matter ? matterName(locale, ticket.matter) : t('ticket.matter_none')}</dd>
        </div>
        <div>
          <dt>{t('ticket.field.place')}</dt>
          <dd>
            {t('ticket.place_line', {
              building: ticket.building.name,
              community: ticket.building.community,
              street: ticket.building.street,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('ticket.field.room')}</dt>
          <dd>{ticket.room.name}</dd>
        </div>
        <div>
          <dt>{t('ticket.field.created_at')}</dt>
          <dd>{formatDateTime(ticket.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('ticket.field.first_contact_due')}</dt>
          <Due at={deadlines.firstContactDueAt} overdue={deadlines.firstContactOverdue} />
        </div>
        <div>
          <dt>{t('ticket.field.resolve_due')}</dt>
          <Due at={deadlines.resolveDueAt} overdue={deadlines.resolveOverdue} />
        </div>
      </dl>
      {deadlines.clockStopped ? (
        <p className="r-hero-note" data-testid="follow-clock-stopped">
          {t('follow.clock_stopped')}
        </p>
      ) : null}
      {deadlines.calendarFallback ? (
        <p className="r-hero-note">{t('ticket.calendar_fallback')}</p>
      ) : null}
    </section>
  );
}
