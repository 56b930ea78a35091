import { Image } from 'antd';

import { useI18n } from '../../i18n/i18n-context';

/** Photos of a visit as thumbnails that open a full-size preview. */
export function RecordPhotos(props: {
  photos: readonly { id: string }[];
  urlOf: (photoId: string) => string;
}) {
  const { t } = useI18n();
  if (props.photos.length === 0) {
    return null;
  }
  return (
    <div className="wb-photos" data-testid="record-photos">
      <Image.PreviewGroup>
        {props.photos.map((photo, index) => (
          <Image
            key={photo.id}
            width={96}
            height={96}
            src={props.urlOf(photo.id)}
            alt={t('follow.photo_alt', { n: index + 1 })}
            className="wb-photo"
          />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
