import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import type { MaterialSlot, MaterialUploads } from './use-material-uploads';

interface ChecklistProps {
  items: readonly string[];
  uploads: MaterialUploads;
}

function SlotLine({ slot, onRemove }: { slot: MaterialSlot; onRemove: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state =
    slot.status === 'failed'
      ? t('credit.upload.failed', { error: errorText(i18n, slot.error) })
      : t(`credit.upload.${slot.status}`);
  return (
    <li className={`cr-slot cr-slot-${slot.status}`} data-testid="credit-slot">
      <span className="cr-slot-name">{slot.name}</span>
      <span className="cr-slot-state" role="status">
        {state}
      </span>
      <button type="button" className="r-link-button" onClick={onRemove}>
        {t('credit.upload.remove')}
      </button>
    </li>
  );
}

/** One upload field per checklist item; each picked image is uploaded at once. */
export function MaterialChecklist({ items, uploads }: ChecklistProps) {
  const { t } = useI18n();
  function pick(item: string) {
    return (event: { target: HTMLInputElement }) => {
      uploads.add(item, Array.from(event.target.files ?? []));
      event.target.value = '';
    };
  }
  return (
    <ul className="cr-checklist" data-testid="credit-checklist">
      {items.map((item) => {
        const slots = uploads.slots.filter((s) => s.item === item);
        const done = slots.some((s) => s.status === 'done');
        return (
          <li key={item} className="cr-item" data-testid={`credit-item-${item}`}>
            <div className="cr-item-head">
              <span className="cr-item-name">{t(`credit.item.${item}`)}</span>
              <span className={done ? 'cr-tag cr-tag-ok' : 'cr-tag'}>
                {t(done ? 'credit.upload.has' : 'credit.upload.none')}
              </span>
            </div>
            <p className="r-help">{t(`credit.item_hint.${item}`)}</p>
            {slots.length > 0 ? (
              <ul className="cr-slots">
                {slots.map((slot) => (
                  <SlotLine
                    key={slot.localId}
                    slot={slot}
                    onRemove={() => {
                      uploads.remove(slot.localId);
                    }}
                  />
                ))}
              </ul>
            ) : null}
            <label className="r-button cr-pick">
              {t('credit.upload.pick')}
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp"
                multiple
                className="cr-file"
                aria-label={t('credit.upload.pick_for', { item: t(`credit.item.${item}`) })}
                onChange={pick(item)}
                data-testid={`credit-file-${item}`}
              />
            </label>
          </li>
        );
      })}
    </ul>
  );
}
