import { useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';

import type { PublicMatter } from '../../../contract/matters';
import { useI18n } from '../../i18n/i18n-context';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { fetchPublicMatters } from './matters-api';
import './matters.css';

function MatterItem({ matter }: { matter: PublicMatter }) {
  const { t, locale } = useI18n();
  return (
    <li>
      <Link to={`/matters/${encodeURIComponent(matter.code)}`} className="m-item">
        <span className="m-item-name">{locale === 'en' ? matter.nameEn : matter.name}</span>
        <span className="m-item-meta">
          {matter.handledByChengguan ? t('matters.public.ours') : t('matters.public.not_ours')}
          {' · '}
          {matter.penaltyBasis}
        </span>
      </Link>
    </li>
  );
}

function Results({ q }: { q: string }) {
  const { t } = useI18n();
  const { resource, reload } = useResource(`matters?q=${q}`, (signal) =>
    fetchPublicMatters(q, signal),
  );
  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  const items = resource.data;
  return (
    <section className="r-card" aria-labelledby="matters-results-title">
      <h2 id="matters-results-title">{t('matters.public.results_title')}</h2>
      <p className="r-muted" role="status" data-testid="matters-count">
        {q.trim() === ''
          ? t('matters.public.count_all', { count: items.length })
          : t('matters.public.count_found', { count: items.length, q: q.trim() })}
      </p>
      {items.length === 0 ? <p>{t('matters.public.none')}</p> : null}
      <ul className="m-list" data-testid="matters-list">
        {items.map((m) => (
          <MatterItem key={m.code} matter={m} />
        ))}
      </ul>
    </section>
  );
}

/** /matters — the public matter catalogue with a search box. */
export function MattersListPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useDocumentTitle('matters.public.title');

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setParams(draft.trim() === '' ? {} : { q: draft.trim() });
  };

  return (
    <>
      <section className="r-hero">
        <h1>{t('matters.public.title')}</h1>
        <p>{t('matters.public.lead')}</p>
      </section>
      <form role="search" className="r-card" onSubmit={submit}>
        <label htmlFor="matters-q" className="r-label">
          {t('matters.public.search_label')}
        </label>
        <div className="m-search-row">
          <input
            id="matters-q"
            type="search"
            className="r-input"
            value={draft}
            maxLength={100}
            placeholder={t('matters.public.search_placeholder')}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
            data-testid="matters-search-input"
          />
          <button type="submit" className="r-button r-button-primary" data-testid="matters-search">
            {t('matters.public.search')}
          </button>
        </div>
      </form>
      <Results q={q} />
    </>
  );
}
