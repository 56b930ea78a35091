import { Link } from 'react-router';

import type { GuideTimeLimit } from '../../../contract/guide';
import { ticketKinds, type TicketKind } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { useResource } from '../../shared/use-resource';
import { fetchTimeLimits } from './guide-api';

/** The two requests with pages of their own in the online section. */
const ownPages = [
  { key: 'credit', to: '/credit' },
  { key: 'suggest', to: '/suggest' },
] as const;

function TimeLimit({ limit }: { limit: GuideTimeLimit | undefined | null }) {
  const { t } = useI18n();
  if (limit === null) {
    return null;
  }
  return (
    <p className="g-limit" data-testid="guide-limit">
      {limit
        ? t('guide.kinds.limit', {
            firstContactDays: limit.firstContactDays,
            resolveDays: limit.resolveDays,
          })
        : t('guide.kinds.limit_unknown')}
    </p>
  );
}

/** What each kind of request is for, what happens next, and its time limits in working days. */
export function RequestKinds() {
  const { t } = useI18n();
  const { resource } = useResource('time-limits', (signal) => fetchTimeLimits(signal));
  const limitOf = (kind: TicketKind): GuideTimeLimit | undefined | null => {
    if (resource.state === 'loading') {
      return null;
    }
    return resource.state === 'ready'
      ? resource.data.items.find((item) => item.kind === kind)
      : undefined;
  };
  return (
    <section className="r-card" aria-labelledby="guide-kinds-title" data-testid="guide-kinds">
      <h2 id="guide-kinds-title">{t('guide.kinds.title')}</h2>
      <p>{t('guide.kinds.lead')}</p>
      <ul className="g-kinds">
        {ticketKinds.map((kind) => (
          <li key={kind} data-testid={`guide-kind-${kind}`}>
            <h3>{t(`ticket.kind.${kind}`)}</h3>
            <p>{t(`guide.kind.${kind}.for`)}</p>
            <p className="g-next">{t(`guide.kind.${kind}.next`)}</p>
            <TimeLimit limit={limitOf(kind)} />
          </li>
        ))}
        {ownPages.map((page) => (
          <li key={page.key} data-testid={`guide-kind-${page.key}`}>
            <h3>{t(`guide.own.${page.key}.title`)}</h3>
            <p>{t(`guide.own.${page.key}.for`)}</p>
            <Link to={page.to} className="r-button">
              {t(`guide.own.${page.key}.link`)}
            </Link>
          </li>
        ))}
      </ul>
      <p className="r-muted">{t('guide.kinds.working_days')}</p>
    </section>
  );
}
