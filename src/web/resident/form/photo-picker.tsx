import type { ChangeEvent } from 'react';

import { MAX_PHOTOS } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { FieldError } from './field-error';
import type { PhotoSlot, PhotoUploads } from './use-photo-uploads';

interface PhotoPickerProps {
  uploads: PhotoUploads;
  error: string | null;
  /** Called on every pick or removal, so a server message about the photos can go away. */
  onEdit: () => void;
}

function PhotoTile({ slot, onRemove }: { slot: PhotoSlot; onRemove: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <li className={`r-photo r-photo-${slot.status}`} data-testid="photo-slot">
      {slot.thumbnail ? (
        <img src={slot.thumbnail} alt={t('form.photos.thumbnail_alt', { name: slot.name })} />
      ) : (
        <span className="r-photo-placeholder" aria-hidden="true" />
      )}
      {slot.status !== 'done' ? (
        <span className="r-photo-status" data-testid="photo-status" role="status">
          {slot.status === 'uploading' ? t('form.photos.uploading') : errorText(i18n, slot.error)}
        </span>
      ) : null}
      <button
        type="button"
        className="r-photo-remove"
        onClick={onRemove}
        aria-label={t('form.photos.remove', { name: slot.name })}
        data-testid="photo-remove"
      />
    </li>
  );
}

/** Up to six photos, each uploaded as soon as it is picked, with a thumbnail and a remove button. */
export function PhotoPicker({ uploads, error, onEdit }: PhotoPickerProps) {
  const { t } = useI18n();
  const full = uploads.slots.length >= MAX_PHOTOS;

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    uploads.add(Array.from(event.target.files ?? []));
    onEdit();
    // Clearing lets the same photo be picked again after removing it.
    event.target.value = '';
  };

  return (
    <div className="r-field">
      <span className="r-label" id="photos-label">
        {t('form.photos.label')} <span className="r-optional">{t('form.optional')}</span>
      </span>
      <ul className="r-photos" aria-labelledby="photos-label">
        {uploads.slots.map((slot) => (
          <PhotoTile
            key={slot.localId}
            slot={slot}
            onRemove={() => {
              uploads.remove(slot.localId);
              onEdit();
            }}
          />
        ))}
        {full ? null : (
          <li>
            <label className="r-photo-add">
              <input
                type="file"
                accept="image/*"
                multiple
                className="r-visually-hidden"
                onChange={pick}
                data-testid="photo-input"
              />
              <span aria-hidden="true" className="r-photo-add-mark" />
              <span>{t('form.photos.add')}</span>
            </label>
          </li>
        )}
      </ul>
      <p className="r-help" data-testid="photo-count">
        {t('form.photos.count', { count: uploads.slots.length, max: MAX_PHOTOS })}
      </p>
      {uploads.skipped > 0 ? (
        <p className="r-field-error" role="status" data-testid="photo-limit">
          {t('form.photos.limit', { max: MAX_PHOTOS, skipped: uploads.skipped })}
        </p>
      ) : null}
      <FieldError id="photos-error" message={error} testId="error-photoIds" />
    </div>
  );
}
