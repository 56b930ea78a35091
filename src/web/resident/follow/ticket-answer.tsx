import type { ResidentTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { waitingText } from './waiting-text';

/** The answer so far: decline reason, or reply and outcome, and the resident's own rating. */
export function TicketAnswer({ ticket }: { ticket: ResidentTicket }) {
  const { t } = useI18n();

  if (ticket.status === 'declined') {
    return (
      <section className="r-card" data-testid="follow-declined">
        <h2>{t('follow.declined.title')}</h2>
        <p className="r-pre">{ticket.declineReason ?? t('follow.declined.no_reason')}</p>
      </section>
    );
  }
  if (!ticket.reply && !ticket.outcome) {
    return (
      <section className="r-card" data-testid="follow-waiting">
        <h2>{t('follow.reply.title')}</h2>
        <p className="r-muted">{waitingText(t, ticket)}</p>
      </section>
    );
  }
  return (
    <section className="r-card" data-testid="follow-reply">
      <h2>{t('follow.reply.title')}</h2>
      {ticket.outcome ? (
        <p>
          <span className="r-tag" data-testid="follow-outcome">
            {t(`ticket.outcome.${ticket.outcome}`)}
          </span>
        </p>
      ) : null}
      {ticket.reply ? <p className="r-pre">{ticket.reply}</p> : null}
      {ticket.rating ? (
        <div className="r-rated" data-testid="follow-rating">
          <h3>{t('follow.rating.yours')}</h3>
          <p>
            <span className={`r-tag r-rating-${ticket.rating}`}>
              {t(`ticket.rating.${ticket.rating}`)}
            </span>
          </p>
          {ticket.ratingComment ? <p className="r-pre">{ticket.ratingComment}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
