import type { ResidentTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';

type MergedInto = NonNullable<ResidentTicket['mergedInto']>;

/**
 * Where a merged request went: the tracking code and state of the request it is handled with, and
 * that request's answer once there is one. It says nothing else of the other request.
 */
export function MergedNotice({ mergedInto }: { mergedInto: MergedInto }) {
  const { t } = useI18n();
  const answered = mergedInto.reply !== null || mergedInto.outcome !== null;
  return (
    <section className="r-card r-done" data-testid="follow-merged">
      <h2>{t('follow.merged.title')}</h2>
      <p>{t('follow.merged.body')}</p>
      <p>
        {t('follow.merged.code')}{' '}
        <strong data-testid="follow-merged-code">{mergedInto.trackingCode}</strong>
      </p>
      <p>
        {t('follow.merged.status')}{' '}
        <span className="r-tag" data-testid="follow-merged-status" data-status={mergedInto.status}>
          {t(`ticket.status.${mergedInto.status}`)}
        </span>
      </p>
      {answered ? (
        <div data-testid="follow-merged-reply">
          <h3>{t('follow.merged.reply')}</h3>
          {mergedInto.outcome ? (
            <p>
              <span className="r-tag">{t(`ticket.outcome.${mergedInto.outcome}`)}</span>
            </p>
          ) : null}
          {mergedInto.reply ? <p className="r-pre">{mergedInto.reply}</p> : null}
        </div>
      ) : (
        <p className="r-muted">{t('follow.merged.waiting')}</p>
      )}
    </section>
  );
}
