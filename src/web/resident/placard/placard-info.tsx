import type { Placard } from '../../../contract/org';
import { useI18n } from '../../i18n/i18n-context';
import { LiaisonCard } from './liaison-card';

/** The printed placard, on screen: building, room, liaisons and the main enforcement matters. */
export function PlacardInfo({ placard }: { placard: Placard }) {
  const { t, locale } = useI18n();
  const { building, community, street, room, liaisons, matters } = placard;
  return (
    <>
      <section className="r-hero" data-testid="placard-building">
        <p className="r-hero-kicker">
          {t('placard.place_line', {
            street: street.name,
            community: community.name,
          })}
        </p>
        <h1>{building.name}</h1>
        <p>{building.address}</p>
      </section>

      <section className="r-card" data-testid="placard-room">
        <h2>{t(`placard.room.kind.${room.kind}`)}</h2>
        <p className="r-room-name">{room.name}</p>
        <dl className="r-facts">
          <div>
            <dt>{t('placard.room.address')}</dt>
            <dd>{room.address}</dd>
          </div>
          <div>
            <dt>{t('placard.room.hours')}</dt>
            <dd>{room.hours}</dd>
          </div>
        </dl>
      </section>

      <section className="r-card" data-testid="placard-liaisons">
        <h2>{t('placard.liaison.title')}</h2>
        {liaisons.length === 0 ? <p className="r-muted">{t('placard.liaison.none')}</p> : null}
        <ul className="r-liaisons">
          {liaisons.map((liaison) => (
            <LiaisonCard key={liaison.badgeNo} liaison={liaison} />
          ))}
        </ul>
      </section>

      {matters.length > 0 ? (
        <section className="r-card" data-testid="placard-matters">
          <h2>{t('placard.matters.title')}</h2>
          <ul className="r-chips">
            {matters.map((matter) => (
              <li key={matter.code}>{locale === 'en' ? matter.nameEn : matter.name}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
