import { Link } from 'react-router';

import type { GuidePlace } from '../../../contract/guide';
import { ticketKinds } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { LiaisonCard } from '../placard/liaison-card';

/** One building found: its room, hours and liaisons, and the ways to its building page. */
export function PlaceCard({ place }: { place: GuidePlace }) {
  const { t } = useI18n();
  const { building, community, street, room, liaisons, residentPath } = place;
  return (
    <li className="r-card g-place" data-testid="guide-place">
      <h3>{building.name}</h3>
      <p className="r-muted">
        {t('placard.place_line', { street: street.name, community: community.name })}
      </p>
      <p>{building.address}</p>
      <dl className="r-facts">
        <div>
          <dt>{t(`placard.room.kind.${room.kind}`)}</dt>
          <dd className="r-room-name">{room.name}</dd>
        </div>
        <div>
          <dt>{t('placard.room.address')}</dt>
          <dd>{room.address}</dd>
        </div>
        <div>
          <dt>{t('placard.room.hours')}</dt>
          <dd>{room.hours}</dd>
        </div>
      </dl>
      {liaisons.length === 0 ? <p className="r-muted">{t('placard.liaison.none')}</p> : null}
      <ul className="r-liaisons" aria-label={t('placard.liaison.title')}>
        {liaisons.map((liaison) => (
          <LiaisonCard key={liaison.badgeNo} liaison={liaison} />
        ))}
      </ul>
      <Link
        to={residentPath}
        className="r-button r-button-primary r-button-block"
        data-testid="guide-place-open"
      >
        {t('guide.place.open')}
      </Link>
      <p className="g-place-kinds-title">{t('guide.place.kinds')}</p>
      <ul className="g-place-kinds">
        {ticketKinds.map((kind) => (
          <li key={kind}>
            <Link
              to={`${residentPath}?kind=${kind}`}
              className="r-button"
              data-testid={`guide-place-${kind}`}
            >
              {t(`ticket.kind.${kind}`)}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}
