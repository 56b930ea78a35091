import type { ResidentTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { residentPhotoUrl } from '../public-api';

interface PhotoGridProps {
  accessToken: string;
  photos: ResidentTicket['photos'];
}

/** The photos of the ticket; a tap opens the full picture. */
export function PhotoGrid({ accessToken, photos }: PhotoGridProps) {
  const { t } = useI18n();
  if (photos.length === 0) {
    return null;
  }
  return (
    <ul className="r-photos r-photos-readonly" data-testid="follow-photos">
      {photos.map((photo, index) => {
        const url = residentPhotoUrl(accessToken, photo.id);
        return (
          <li key={photo.id} className="r-photo">
            <a href={url} target="_blank" rel="noreferrer">
              <img
                src={url}
                loading="lazy"
                width={photo.width}
                height={photo.height}
                alt={t('follow.photo_alt', { n: index + 1 })}
              />
            </a>
          </li>
        );
      })}
    </ul>
  );
}
