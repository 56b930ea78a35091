import { Link, useParams } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { Notice } from '../notice';
import { AskCard } from './ask-card';
import { fetchPublicQaEntry } from './qa-api';
import { formatDay } from './qa-date';
import './qa.css';

/** /qa/:id — one published question and its answer. */
export function QaDetailPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { resource, reload } = useResource(id, (signal) => fetchPublicQaEntry(id, signal));
  useDocumentTitle('qa.detail.title');
  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    if (resource.error instanceof ApiError && resource.error.code === 'not_found') {
      return <Notice titleKey="qa.detail.gone_title" bodyKey="qa.detail.gone_body" />;
    }
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  const entry = resource.data;
  const matter = entry.matter ? (locale === 'en' ? entry.matter.nameEn : entry.matter.name) : null;
  return (
    <>
      <article className="r-card">
        <p className="r-muted">
          <Link to="/qa" data-testid="qa-back">
            {t('qa.detail.back')}
          </Link>
        </p>
        <h1 data-testid="qa-question">{entry.question}</h1>
        <p className="r-muted">
          {matter ? `${t('qa.detail.matter', { matter })} · ` : ''}
          {t('qa.detail.published', { date: formatDay(entry.publishedAt) })}
        </p>
        <h2>{t('qa.detail.answer')}</h2>
        <p className="qa-answer" data-testid="qa-answer">
          {entry.answer}
        </p>
        {entry.matter ? (
          <Link to={`/matters/${encodeURIComponent(entry.matter.code)}`} className="r-button">
            {t('qa.detail.matter_link')}
          </Link>
        ) : null}
      </article>
      <AskCard />
    </>
  );
}
