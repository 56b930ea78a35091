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
  const { t } = useI18n();
  return (
    <li className={`r-photo r-photo-${slot.status}`} data-testid="photo-slot">
      {slot.thumbnail ? (
        <img src={slot.thumbnail} alt={t('form.photos.thumbnail_alt', { name: slot.name })} />
      ) : (
        <span className="r-photo-placeholder" aria-hidden="true" />
      )}
      {slot.status !== 'done' ? (
        <span className="r-photo-status" data-testid="photo-status" role="status">
          {t(slot.status === 'uploading' ? 'form.photos.uploading' : 'form.photos.failed')}
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

/** Why each failed photo was refused, right under the photos, each with its own remove button. */
function PhotoFailures({
  slots,
  onRemove,
}: {
  slots: PhotoSlot[];
  onRemove: (slot: PhotoSlot) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="r-photo-failures" role="alert">
      <ul>
        {slots.map((slot) => (
          <li key={slot.localId} data-testid="photo-error">
            <span>
              {t('form.photos.failed_item', {
                name: slot.name,
                error: errorText(i18n, slot.error),
              })}
            </span>
            <button
              type="button"
              className="r-link-button"
              onClick={() => {
                onRemove(slot);
              }}
              aria-label={t('form.photos.remove', { name: slot.name })}
              data-testid="photo-error-remove"
            >
              {t('form.photos.remove_short')}
            </button>
          </li>
        ))}
      </ul>
      <p data-testid="photo-failed-note">{t('form.photos.failed_note')}</p>
    </div>
  );
}

/**
 * Up to six photos, each uploaded as soon as it is picked, with a thumbnail and a remove button.
 */
export function PhotoPicker({ uploads, error, onEdit }: PhotoPickerProps) {
  const { t } = useI18n();
  const failed = uploads.slots.filter((slot) => slot.status === 'failed');
  const remove = (slot: PhotoSlot) => {
    uploads.remove(slot.localId);
    onEdit();
  };
  // A failed upload stays on screen with its error, but takes no place under the limit.
  const full = uploads.counted >= MAX_PHOTOS;

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
              remove(slot);
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
        {t('form.photos.count', { count: uploads.counted, max: MAX_PHOTOS })}
      </p>
      {failed.length > 0 ? <PhotoFailures slots={failed} onRemove={remove} /> : null}
      {uploads.skipped > 0 ? (
        <p className="r-field-error" role="status" data-testid="photo-limit">
          {t('form.photos.limit', { max: MAX_PHOTOS, skipped: uploads.skipped })}
        </p>
      ) : null}
      <FieldError id="photos-error" message={error} testId="error-photoIds" />
    </div>
  );
}
