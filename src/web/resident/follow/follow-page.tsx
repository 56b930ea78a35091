import { useState } from 'react';
import { useParams } from 'react-router';

import type { ResidentTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { Notice } from '../notice';
import { fetchResidentTicket } from '../public-api';
import { MergedNotice } from './merged-notice';
import { PhotoGrid } from './photo-grid';
import { RatingForm } from './rating-form';
import { ReopenForm } from './reopen-form';
import { ResidentTimeline } from './resident-timeline';
import { TicketAnswer } from './ticket-answer';
import { TicketOverview } from './ticket-overview';

/** /t/:accessToken — the resident's private page of one ticket. */
export function FollowPage() {
  const { accessToken = '' } = useParams();
  const { resource, reload, replace } = useResource(accessToken, (signal) =>
    fetchResidentTicket(accessToken, signal),
  );
  const { t } = useI18n();
  // Said above the page once the resident's own step sent the ticket back for re-handling. An
  // unsatisfied rating may do so or may close the ticket: the server decides, the page follows.
  const [reopened, setReopened] = useState(false);
  useDocumentTitle('follow.title');

  const afterRating = (updated: ResidentTicket) => {
    replace(updated);
    setReopened(updated.status !== 'closed');
  };
  const afterReopen = (updated: ResidentTicket) => {
    replace(updated);
    setReopened(true);
  };

  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    const error = resource.error;
    if (error instanceof ApiError && (error.code === 'ticket_not_found' || error.status === 404)) {
      return <Notice titleKey="follow.unknown.title" bodyKey="follow.unknown.body" />;
    }
    return <LoadFailed error={error} onRetry={reload} />;
  }

  const ticket = resource.data;
  return (
    <>
      {reopened ? (
        <p className="r-card r-done" role="status" data-testid="follow-reopened">
          {t('follow.reopened_notice')}
        </p>
      ) : null}
      <TicketOverview ticket={ticket} />
      {ticket.mergedInto ? <MergedNotice mergedInto={ticket.mergedInto} /> : null}
      <section className="r-card" data-testid="follow-description">
        <h2>{t('follow.description')}</h2>
        <p className="r-pre">{ticket.description}</p>
        <PhotoGrid accessToken={accessToken} photos={ticket.photos} />
      </section>
      {ticket.mergedInto ? null : <TicketAnswer ticket={ticket} />}
      {ticket.canRate ? (
        <RatingForm
          accessToken={accessToken}
          canReopen={ticket.canReopen}
          onRated={afterRating}
          onStale={reload}
        />
      ) : null}
      {ticket.canReopen ? (
        <ReopenForm accessToken={accessToken} onReopened={afterReopen} onStale={reload} />
      ) : null}
      <ResidentTimeline timeline={ticket.timeline} />
    </>
  );
}
