import { Image } from 'antd';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { staffPhotoUrl } from '../staff-api';

/** The resident's photos as thumbnails that open a full-size preview. */
export function StaffPhotos({ ticket }: { ticket: StaffTicket }) {
  const { t } = useI18n();
  if (ticket.photos.length === 0) {
    return null;
  }
  return (
    <div className="wb-photos" data-testid="staff-photos">
      <Image.PreviewGroup>
        {ticket.photos.map((photo, index) => (
          <Image
            key={photo.id}
            width={120}
            height={120}
            src={staffPhotoUrl(ticket.id, photo.id)}
            alt={t('follow.photo_alt', { n: index + 1 })}
            className="wb-photo"
          />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
