import { useState } from 'react';
import { Link } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { listRememberedReceipts } from '../placard/receipt-memory';

/** The receipts this browser tab kept after submitting: read from the device, not the server. */
export function DeviceReceipts() {
  const { t } = useI18n();
  const [receipts] = useState(listRememberedReceipts);
  if (receipts.length === 0) {
    return null;
  }
  return (
    <section className="r-card" data-testid="mine-device">
      <h2>{t('mine.device.title')}</h2>
      <p className="r-muted">{t('mine.device.lead')}</p>
      <ul className="r-mine-items">
        {receipts.map((receipt) => (
          <li key={receipt.trackingCode} data-testid="mine-device-item">
            <h3>{receipt.trackingCode}</h3>
            <p className="r-muted">
              {t('mine.item.created_at')} {formatDateTime(receipt.createdAt)}
            </p>
            <Link to={receipt.followPath} className="r-button">
              {t('mine.item.open')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
