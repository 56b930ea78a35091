import { useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';

import {
  educationKinds,
  educationTopics,
  type EducationKind,
  type EducationTopic,
} from '../../../contract/education';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { fetchItems, topicOfParam, type LearnFilter } from './learn-api';
import './learn.css';

function filterOf(params: URLSearchParams): LearnFilter {
  const topic = topicOfParam(params.get('topic'));
  const kind = educationKinds.find((k) => k === params.get('kind'));
  const q = (params.get('q') ?? '').trim().slice(0, 50);
  const page = Math.max(1, Number(params.get('page')) || 1);
  return { topic, kind, q: q || undefined, page };
}

function TopicChips({ current, params }: { current?: EducationTopic; params: URLSearchParams }) {
  const { t } = useI18n();
  const linkTo = (topic?: EducationTopic) => {
    const next = new URLSearchParams(params);
    next.delete('page');
    if (topic) {
      next.set('topic', topic);
    } else {
      next.delete('topic');
    }
    return `/learn?${next.toString()}`;
  };
  return (
    <nav aria-label={t('education.topics_label')}>
      <ul className="l-topics">
        {[undefined, ...educationTopics].map((topic) => (
          <li key={topic ?? 'all'}>
            <Link
              to={linkTo(topic)}
              className="l-topic"
              aria-current={topic === current ? 'page' : undefined}
              data-testid={`topic-${topic ?? 'all'}`}
            >
              {topic ? t(`education.topic.${topic}`) : t('education.topic_all')}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchForm({ filter, params }: { filter: LearnFilter; params: URLSearchParams }) {
  const { t } = useI18n();
  const [, setParams] = useSearchParams();
  const [q, setQ] = useState(filter.q ?? '');
  const [kind, setKind] = useState<EducationKind | ''>(filter.kind ?? '');
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.delete('page');
    for (const [key, value] of [
      ['q', q.trim()],
      ['kind', kind],
    ] as const) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    setParams(next);
  };
  return (
    <form className="l-search" role="search" onSubmit={submit}>
      <label className="r-label" htmlFor="learn-q">
        {t('education.search_label')}
      </label>
      <input
        id="learn-q"
        className="r-input"
        value={q}
        maxLength={50}
        onChange={(e) => {
          setQ(e.target.value);
        }}
      />
      <label className="r-label" htmlFor="learn-kind">
        {t('education.kind_label')}
      </label>
      <select
        id="learn-kind"
        className="r-input"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as EducationKind | '');
        }}
      >
        <option value="">{t('education.kind_all')}</option>
        {educationKinds.map((k) => (
          <option key={k} value={k}>
            {t(`education.kind.${k}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="r-button r-button-primary">
        {t('education.search')}
      </button>
    </form>
  );
}

/**
 * /learn — published legal education, by topic (the matter catalogue links here), kind and words.
 */
export function LearnListPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const filter = filterOf(params);
  useDocumentTitle('education.title');
  const key = JSON.stringify(filter);
  const { resource, reload } = useResource(key, (signal) => fetchItems(filter, signal));
  return (
    <>
      <section className="r-hero">
        <h1>{t('education.title')}</h1>
        <p>{t('education.lead')}</p>
        <Link to="/learn/events" className="l-hero-link" data-testid="events-link">
          {t('education.events_link')}
        </Link>
      </section>
      <TopicChips current={filter.topic} params={params} />
      <SearchForm key={key} filter={filter} params={params} />
      {resource.state === 'loading' ? <PageLoading /> : null}
      {resource.state === 'failed' ? <LoadFailed error={resource.error} onRetry={reload} /> : null}
      {resource.state === 'ready' ? (
        <section aria-labelledby="learn-results">
          <h2 id="learn-results" className="l-count">
            {t('education.result_count', { count: resource.data.total })}
          </h2>
          {resource.data.items.length === 0 ? (
            <p className="r-card">{t('education.empty')}</p>
          ) : null}
          <ul className="l-items">
            {resource.data.items.map((item) => (
              <li key={item.id} className="r-card l-item" data-testid="learn-item">
                <span className="l-kind">{t(`education.kind.${item.kind}`)}</span>
                <h3 className="l-item-title">
                  <Link to={`/learn/${item.id}`}>{item.title}</Link>
                </h3>
                {item.summary ? <p className="r-muted">{item.summary}</p> : null}
                <p className="l-meta">
                  {t(`education.topic.${item.topic}`)} · {formatDateTime(item.publishedAt)} ·{' '}
                  {t('education.views', { count: item.viewCount })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
