import { useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';

import type { PublicQa, PublicQaList } from '../../../contract/qa';
import { useI18n } from '../../i18n/i18n-context';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { AskCard } from './ask-card';
import { fetchPublicQa, type QaQuery } from './qa-api';
import { formatDay } from './qa-date';
import './qa.css';

const EXCERPT = 60;

function QaItem({ entry }: { entry: PublicQa }) {
  const { locale } = useI18n();
  const answer = [...entry.answer];
  const excerpt = answer.length > EXCERPT ? `${answer.slice(0, EXCERPT).join('')}…` : entry.answer;
  const matter = entry.matter ? (locale === 'en' ? entry.matter.nameEn : entry.matter.name) : '';
  return (
    <li>
      <Link to={`/qa/${encodeURIComponent(entry.id)}`} className="qa-item" data-testid="qa-item">
        <span className="qa-question">{entry.question}</span>
        <span className="qa-excerpt">{excerpt}</span>
        <span className="qa-meta">
          {matter ? `${matter} · ` : ''}
          {formatDay(entry.publishedAt)}
        </span>
      </Link>
    </li>
  );
}

function Pager({ data, onPage }: { data: PublicQaList; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  if (pages <= 1) {
    return null;
  }
  return (
    <nav className="qa-pager" aria-label={t('qa.list.pages')}>
      <button
        type="button"
        className="r-button"
        disabled={data.page <= 1}
        onClick={() => {
          onPage(data.page - 1);
        }}
      >
        {t('qa.list.previous')}
      </button>
      <span>{t('qa.list.page_of', { page: data.page, pages })}</span>
      <button
        type="button"
        className="r-button"
        disabled={data.page >= pages}
        onClick={() => {
          onPage(data.page + 1);
        }}
      >
        {t('qa.list.next')}
      </button>
    </nav>
  );
}

function Results({ query, onPage }: { query: QaQuery; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const key = `${query.q}|${query.matterCode}|${query.page}`;
  const { resource, reload } = useResource(key, (signal) => fetchPublicQa(query, signal));
  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  const data = resource.data;
  return (
    <section className="r-card" aria-labelledby="qa-results-title">
      <h2 id="qa-results-title">{t('qa.list.results')}</h2>
      <p className="r-muted" role="status" data-testid="qa-count">
        {t('qa.list.count', { count: data.total })}
      </p>
      {data.items.length === 0 ? <p>{t('qa.list.none')}</p> : null}
      <ul className="qa-list" data-testid="qa-list">
        {data.items.map((entry) => (
          <QaItem key={entry.id} entry={entry} />
        ))}
      </ul>
      <Pager data={data} onPage={onPage} />
    </section>
  );
}

function MatterFilter(props: { value: string; onChange: (code: string) => void }) {
  const { t, locale } = useI18n();
  const { resource } = useResource('qa-matters', (signal) =>
    fetchPublicQa({ q: '', matterCode: '', page: 1 }, signal),
  );
  const matters = resource.state === 'ready' ? resource.data.matters : [];
  return (
    <div className="r-field">
      <label htmlFor="qa-matter" className="r-label">
        {t('qa.list.matter')}
      </label>
      <select
        id="qa-matter"
        className="r-input"
        value={props.value}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
        data-testid="qa-matter"
      >
        <option value="">{t('qa.list.all_matters')}</option>
        {matters.map((m) => (
          <option key={m.code} value={m.code}>
            {`${locale === 'en' ? m.nameEn : m.name} (${m.count})`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** /qa — the published consultations, searched by words and narrowed by matter. */
export function QaListPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query: QaQuery = {
    q: params.get('q') ?? '',
    matterCode: params.get('matter') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const [draft, setDraft] = useState(query.q);
  useDocumentTitle('qa.list.title');

  const go = (next: Partial<QaQuery>) => {
    const merged = { ...query, page: 1, ...next };
    const out: Record<string, string> = {};
    if (merged.q) {
      out.q = merged.q;
    }
    if (merged.matterCode) {
      out.matter = merged.matterCode;
    }
    if (merged.page > 1) {
      out.page = String(merged.page);
    }
    setParams(out);
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    go({ q: draft.trim() });
  };

  return (
    <>
      <section className="r-hero">
        <h1>{t('qa.list.title')}</h1>
        <p>{t('qa.list.lead')}</p>
      </section>
      <form role="search" className="r-card" onSubmit={submit}>
        <div className="r-field">
          <label htmlFor="qa-q" className="r-label">
            {t('qa.list.search_label')}
          </label>
          <div className="qa-search-row">
            <input
              id="qa-q"
              type="search"
              className="r-input"
              value={draft}
              maxLength={50}
              placeholder={t('qa.list.search_placeholder')}
              onChange={(event) => {
                setDraft(event.target.value);
              }}
              data-testid="qa-search-input"
            />
            <button type="submit" className="r-button r-button-primary" data-testid="qa-search">
              {t('qa.list.search')}
            </button>
          </div>
        </div>
        <MatterFilter
          value={query.matterCode}
          onChange={(matterCode) => {
            go({ matterCode });
          }}
        />
      </form>
      <Results
        query={query}
        onPage={(page) => {
          go({ page });
        }}
      />
      <AskCard />
    </>
  );
}
