import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';

import type { PublicItem } from '../../../contract/education';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { formatDateTime } from '../../shared/format-date';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { Notice } from '../notice';
import { countView, fetchItem } from './learn-api';
import { VideoPlayer } from './video-player';
import './learn.css';

/** Counts one view per opening of the page (a ref keeps React's development double run out). */
function useViewCount(item: PublicItem | null): number | null {
  const [count, setCount] = useState<number | null>(null);
  const counted = useRef<string | null>(null);
  useEffect(() => {
    if (!item || counted.current === item.id) {
      return;
    }
    counted.current = item.id;
    countView(item.id).then(
      (answer) => {
        setCount(answer.viewCount);
      },
      () => {
        setCount(item.viewCount);
      },
    );
  }, [item]);
  return count ?? item?.viewCount ?? null;
}

function TypicalCase({ item }: { item: PublicItem }) {
  const { t } = useI18n();
  if (!item.typicalCase) {
    return null;
  }
  const parts = [
    ['facts', item.typicalCase.facts],
    ['handling', item.typicalCase.handling],
    ['legal_basis', item.typicalCase.legalBasis],
  ] as const;
  return (
    <section className="r-card l-case" data-testid="typical-case">
      {parts.map(([key, text]) => (
        <div key={key}>
          <h2>{t(`education.case.${key}`)}</h2>
          <p className="r-pre">{text}</p>
        </div>
      ))}
    </section>
  );
}

function Slides({ item }: { item: PublicItem }) {
  const { t } = useI18n();
  if (item.slides.length === 0) {
    return null;
  }
  return (
    <ol className="l-slides" aria-label={t('education.slides_label')}>
      {item.slides.map((slide, i) => (
        <li key={slide.mediaId}>
          <figure>
            <img src={slide.url} alt={slide.caption} width={slide.width} height={slide.height} />
            <figcaption>
              {t('education.slide_number', { n: i + 1 })} {slide.caption}
            </figcaption>
          </figure>
        </li>
      ))}
    </ol>
  );
}

function ItemView({ item }: { item: PublicItem }) {
  const { t } = useI18n();
  const views = useViewCount(item);
  return (
    <article className="l-article">
      <header className="r-card">
        <span className="l-kind">{t(`education.kind.${item.kind}`)}</span>
        <h1>{item.title}</h1>
        {item.summary ? <p className="r-muted">{item.summary}</p> : null}
        <p className="l-meta">
          <Link to={`/learn?topic=${item.topic}`}>{t(`education.topic.${item.topic}`)}</Link> ·{' '}
          {formatDateTime(item.publishedAt)} ·{' '}
          <span data-testid="view-count">{t('education.views', { count: views ?? 0 })}</span>
        </p>
      </header>
      {item.video ? (
        <div className="r-card">
          <VideoPlayer video={item.video} label={item.title} />
        </div>
      ) : null}
      <Slides item={item} />
      {item.bodyHtml.trim() ? (
        // Rendered on the server from Markdown with raw HTML off and links and pictures
        // restricted (src/server/education/markdown.ts); the page inserts it as it is.
        <div
          className="r-card l-body"
          data-testid="education-body"
          dangerouslySetInnerHTML={{ __html: item.bodyHtml }}
        />
      ) : null}
      <TypicalCase item={item} />
      {item.matter ? (
        <p className="r-card">
          {t('education.matter_link')}{' '}
          <Link to={`/matters/${encodeURIComponent(item.matter.code)}`} data-testid="matter-link">
            {item.matter.name}
          </Link>
        </p>
      ) : null}
      <Link to="/learn" className="r-button r-button-block">
        {t('education.back')}
      </Link>
    </article>
  );
}

/** /learn/:id — one published item: its body, pictures, video or case, and the view count. */
export function LearnItemPage() {
  const { id = '' } = useParams();
  const { resource, reload } = useResource(id, (signal) => fetchItem(id, signal));
  const title = resource.state === 'ready' ? resource.data.title : '';
  useDocumentTitle(title ? 'education.title_of' : 'education.title', { name: title });
  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    if (resource.error instanceof ApiError && resource.error.code === 'not_found') {
      return <Notice titleKey="education.gone.title" bodyKey="education.gone.body" />;
    }
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  return <ItemView item={resource.data} />;
}
