import { Link } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { fetchEvents } from './learn-api';
import './learn.css';

/** /learn/events — published lectures, 7·15 open days and scene education, latest first. */
export function LearnEventsPage() {
  const { t } = useI18n();
  useDocumentTitle('education.events_title');
  const { resource, reload } = useResource('events', (signal) => fetchEvents(1, signal));
  return (
    <>
      <section className="r-hero">
        <h1>{t('education.events_title')}</h1>
        <p>{t('education.events_lead')}</p>
        <Link to="/learn" className="l-hero-link">
          {t('education.back')}
        </Link>
      </section>
      {resource.state === 'loading' ? <PageLoading /> : null}
      {resource.state === 'failed' ? <LoadFailed error={resource.error} onRetry={reload} /> : null}
      {resource.state === 'ready' && resource.data.items.length === 0 ? (
        <p className="r-card">{t('education.events_empty')}</p>
      ) : null}
      {resource.state === 'ready' ? (
        <ul className="l-items">
          {resource.data.items.map((event) => (
            <li key={event.id} className="r-card l-item" data-testid="learn-event">
              <span className="l-kind">{t(`education.event_kind.${event.kind}`)}</span>
              <h2 className="l-item-title">{event.title}</h2>
              <dl className="r-facts">
                <div>
                  <dt>{t('education.event.date')}</dt>
                  <dd>{event.date}</dd>
                </div>
                <div>
                  <dt>{t('education.event.place')}</dt>
                  <dd>{[event.street, event.community, event.place].filter(Boolean).join(' ')}</dd>
                </div>
                <div>
                  <dt>{t('education.event.attendance')}</dt>
                  <dd>{t('education.event.people', { count: event.attendance })}</dd>
                </div>
              </dl>
              {event.notes ? <p className="r-pre">{event.notes}</p> : null}
              {event.photos.length > 0 ? (
                <ul className="l-photos">
                  {event.photos.map((photo, i) => (
                    <li key={photo.id}>
                      <img
                        src={photo.url}
                        alt={t('education.event.photo_alt', { title: event.title, n: i + 1 })}
                        width={photo.width}
                        height={photo.height}
                        loading="lazy"
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
