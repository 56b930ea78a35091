import { Image } from 'antd';

import { useI18n } from '../../i18n/i18n-context';

interface ReferralPhotosProps {
  photos: readonly { id: string }[];
  urlOf: (photoId: string) => string;
  testId: string;
}

/** The photos of a request or a reply as thumbnails that open a full-size preview. */
export function ReferralPhotos({ photos, urlOf, testId }: ReferralPhotosProps) {
  const { t } = useI18n();
  if (photos.length === 0) {
    return null;
  }
  return (
    <div className="wb-photos" data-testid={testId}>
      <Image.PreviewGroup>
        {photos.map((photo, index) => (
          <Image
            key={photo.id}
            width={96}
            height={96}
            src={urlOf(photo.id)}
            alt={t('follow.photo_alt', { n: index + 1 })}
            className="wb-photo"
          />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}
