import { useI18n } from '../../i18n/i18n-context';
import { useResource } from '../../shared/use-resource';
import { fetchAdopted } from './suggest-api';
import { formatDay } from './suggest-labels';

/**
 * The adopted suggestions made public (adopted or partly adopted; the proposer agreed), with the
 * feedback.
 */
export function AdoptedList({ campaignId }: { campaignId: string | null }) {
  const { t } = useI18n();
  const { resource } = useResource(`adopted:${campaignId ?? ''}`, (signal) =>
    fetchAdopted(campaignId, signal),
  );
  return (
    <section className="r-card" aria-labelledby="sg-adopted-title" data-testid="suggest-adopted">
      <h2 id="sg-adopted-title">{t('suggest.adopted.title')}</h2>
      <p className="r-muted">{t('suggest.adopted.lead')}</p>
      {resource.state === 'loading' ? <p className="r-muted">{t('suggest.loading')}</p> : null}
      {resource.state === 'failed' ? <p role="alert">{t('suggest.adopted.failed')}</p> : null}
      {resource.state === 'ready' && resource.data.items.length === 0 ? (
        <p>{t('suggest.adopted.none')}</p>
      ) : null}
      {resource.state === 'ready'
        ? resource.data.items.map((s) => (
            <article key={s.id} className="sg-adopted-item" data-testid="suggest-adopted-item">
              <h3>{s.topic}</h3>
              <p className="sg-meta">
                <span className="sg-level">{t(`suggest.level.${s.adoptionLevel}`)}</span>
                {' · '}
                {t('suggest.adopted.by', { name: s.proposer ?? t('suggest.adopted.anonymous') })}
                {' · '}
                {formatDay(s.decidedAt)}
              </p>
              {s.campaign ? <p className="sg-meta">{s.campaign}</p> : null}
              <p className="sg-text">{s.proposal}</p>
              <p className="sg-text">
                <strong>{t('suggest.adopted.feedback')}</strong>
                {s.feedback}
              </p>
            </article>
          ))
        : null}
    </section>
  );
}
