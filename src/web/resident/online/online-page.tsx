import './online.css';
import { Link } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';

/**
 * The parts of the online section (implementation measures, part 4.5) and the resident's own
 * requests.
 */
export const onlineParts = [
  { key: 'guide', to: '/guide' },
  { key: 'matters', to: '/matters' },
  { key: 'qa', to: '/qa' },
  { key: 'credit', to: '/credit' },
  { key: 'learn', to: '/learn' },
  { key: 'suggest', to: '/suggest' },
  { key: 'mine', to: '/mine' },
] as const;

/** /online — the hub of the online section, one link per part with what it offers. */
export function OnlinePage() {
  const { t } = useI18n();
  useDocumentTitle('online.title');
  return (
    <>
      <section className="r-hero">
        <h1>{t('online.title')}</h1>
        <p>{t('online.lead')}</p>
      </section>
      <nav aria-label={t('online.title')}>
        <ul className="o-parts">
          {onlineParts.map((part) => (
            <li key={part.key}>
              <Link to={part.to} className="o-part" data-testid={`online-${part.key}`}>
                <span className="o-part-title">{t(`online.part.${part.key}.title`)}</span>
                <span className="o-part-body">{t(`online.part.${part.key}.body`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
