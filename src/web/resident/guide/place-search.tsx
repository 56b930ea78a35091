import { useState, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router';

import { GUIDE_QUERY_MAX, type GuidePlaces } from '../../../contract/guide';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { PageLoading } from '../../shared/page-loading';
import { textLength } from '../../shared/text-length';
import { useResource, type Resource } from '../../shared/use-resource';
import { FieldError } from '../form/field-error';
import { fetchPlaces } from './guide-api';
import { PlaceCard } from './place-card';

/** The problem of a search text as the server would see it, or null when it can be sent. */
function problemOf(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'guide.find.empty';
  }
  return textLength(trimmed) > GUIDE_QUERY_MAX ? 'guide.find.too_long' : null;
}

/** The places found for `q`, or nothing while nothing was asked. */
function usePlaces(q: string): Resource<GuidePlaces> | null {
  const { resource } = useResource(q, (signal) =>
    q === '' ? Promise.resolve({ items: [], truncated: false }) : fetchPlaces(q, signal),
  );
  return q === '' ? null : resource;
}

function Results({ q, resource }: { q: string; resource: Resource<GuidePlaces> }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    return (
      <p className="r-form-error" role="alert">
        {errorText(i18n, resource.error)}
      </p>
    );
  }
  const { items, truncated } = resource.data;
  return (
    <div data-testid="guide-results">
      <p role="status" data-testid="guide-results-count">
        {items.length === 0
          ? t('guide.find.none', { q })
          : t('guide.find.count', { q, count: String(items.length) })}
      </p>
      {truncated ? <p className="r-muted">{t('guide.find.truncated')}</p> : null}
      <ul className="g-places">
        {items.map((place) => (
          <PlaceCard key={place.residentPath} place={place} />
        ))}
      </ul>
    </div>
  );
}

/** Finding one's room: a search by building, address or community, kept in the address (?q=). */
export function PlaceSearch() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  const [problem, setProblem] = useState<string | null>(null);
  const places = usePlaces(q);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found = problemOf(text);
    setProblem(found);
    if (!found) {
      setParams({ q: text.trim() });
    }
  };

  return (
    <section className="r-card" aria-labelledby="guide-find-title">
      <h2 id="guide-find-title">{t('guide.find.title')}</h2>
      <p>{t('guide.find.lead')}</p>
      <form className="g-find" role="search" onSubmit={submit} noValidate>
        <label className="r-label" htmlFor="guide-q">
          {t('guide.find.label')}
        </label>
        <div className="g-find-row">
          <input
            id="guide-q"
            className="r-input"
            type="search"
            value={text}
            enterKeyHint="search"
            aria-describedby={problem ? 'guide-q-help guide-q-error' : 'guide-q-help'}
            aria-invalid={problem ? true : undefined}
            data-testid="guide-q"
            onChange={(event) => {
              setText(event.target.value);
            }}
          />
          <button type="submit" className="r-button r-button-primary" data-testid="guide-find">
            {t('guide.find.submit')}
          </button>
        </div>
        <p className="r-help" id="guide-q-help">
          {t('guide.find.help', { max: String(GUIDE_QUERY_MAX) })}
        </p>
        <FieldError
          id="guide-q-error"
          message={problem ? t(problem, { max: String(GUIDE_QUERY_MAX) }) : null}
          testId="guide-q-error"
        />
      </form>
      {places ? <Results q={q} resource={places} /> : null}
    </section>
  );
}
