import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';

import { ticketKinds, type Receipt, type TicketKind } from '../../../contract/tickets';
import { ApiError } from '../../shared/api-error';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { SubmitForm } from '../form/submit-form';
import { LoadFailed } from '../load-failed';
import { Notice } from '../notice';
import { OnlineEntry } from '../online/online-entry';
import { PlacardSurveys } from '../survey/placard-surveys';
import { fetchPlacard } from '../public-api';
import { PlacardInfo } from './placard-info';
import { recallReceipt, rememberReceipt } from './receipt-memory';
import { ReceiptView } from './receipt-view';
import { TokenReplacedNotice } from './token-replaced-notice';

function isGone(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    (error.code === 'placard_not_found' || error.code === 'placard_retired')
  );
}

/** The kind a link asks the form to start with (?kind=consultation from the service guide). */
function kindAsked(params: URLSearchParams): TicketKind | undefined {
  const asked = params.get('kind');
  return ticketKinds.find((kind) => kind === asked);
}

/** /b/:token — what a resident reaches by scanning the QR code on a building. */
export function PlacardPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const { resource, reload } = useResource(token, (signal) => fetchPlacard(token, signal));
  const [receipt, setReceiptState] = useState<Receipt | null>(() => recallReceipt(token));
  const setReceipt = (next: Receipt | null) => {
    rememberReceipt(token, next);
    setReceiptState(next);
  };
  const buildingName = resource.state === 'ready' ? resource.data.building.name : '';
  useDocumentTitle(buildingName ? 'placard.title_of' : 'placard.title', { name: buildingName });

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [receipt]);

  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    if (isGone(resource.error)) {
      const which = resource.error.code === 'placard_retired' ? 'retired' : 'unknown';
      return (
        <Notice
          titleKey={`placard.${which}.title`}
          bodyKey={`placard.${which}.body`}
          hintKey="placard.gone_hint"
        />
      );
    }
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  if (receipt) {
    return (
      <ReceiptView
        receipt={receipt}
        onAnother={() => {
          setReceipt(null);
        }}
      />
    );
  }
  return (
    <>
      {resource.data.tokenReplaced ? <TokenReplacedNotice /> : null}
      <PlacardInfo placard={resource.data} />
      <SubmitForm
        placardToken={token}
        placard={resource.data}
        initialKind={kindAsked(params)}
        onSubmitted={setReceipt}
      />
      <PlacardSurveys token={token} />
      <OnlineEntry />
    </>
  );
}
