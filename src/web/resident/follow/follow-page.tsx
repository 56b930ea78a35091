import { useParams } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { Notice } from '../notice';
import { fetchResidentTicket } from '../public-api';
import { PhotoGrid } from './photo-grid';
import { RatingForm } from './rating-form';
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
  useDocumentTitle('follow.title');

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
      <TicketOverview ticket={ticket} />
      <section className="r-card" data-testid="follow-description">
        <h2>{t('follow.description')}</h2>
        <p className="r-pre">{ticket.description}</p>
        <PhotoGrid accessToken={accessToken} photos={ticket.photos} />
      </section>
      <TicketAnswer ticket={ticket} />
      {ticket.canRate ? (
        <RatingForm accessToken={accessToken} onRated={replace} onStale={reload} />
      ) : null}
      <ResidentTimeline timeline={ticket.timeline} />
    </>
  );
}
