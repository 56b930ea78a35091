import { useState } from 'react';
import { Link } from 'react-router';

import type { Receipt } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { copyText } from '../../shared/copy-text';
import { formatDateTime } from '../../shared/format-date';

interface ReceiptViewProps {
  receipt: Receipt;
  onAnother: () => void;
}

/** After submitting: the tracking code, the deadline and the private follow link to keep. */
export function ReceiptView({ receipt, onAnother }: ReceiptViewProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const followUrl = `${window.location.origin}${receipt.followPath}`;

  const copy = () => {
    void copyText(followUrl).then((ok) => {
      setCopied(ok ? 'yes' : 'no');
    });
  };

  return (
    <section className="r-card r-receipt" data-testid="receipt">
      <h1>{t('receipt.title')}</h1>
      <p className="r-muted">{t('receipt.tracking_code')}</p>
      <p className="r-tracking-code" data-testid="receipt-tracking-code">
        {receipt.trackingCode}
      </p>
      <dl className="r-facts">
        <div>
          <dt>{t('receipt.created_at')}</dt>
          <dd>{formatDateTime(receipt.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('receipt.resolve_due')}</dt>
          <dd data-testid="receipt-resolve-due">{formatDateTime(receipt.resolveDueAt)}</dd>
        </div>
      </dl>

      <div className="r-keep-link" role="note">
        <h2>{t('receipt.link.title')}</h2>
        <p className="r-warning-text">{t('receipt.link.warning')}</p>
        <input
          className="r-input r-link-box"
          readOnly
          value={followUrl}
          aria-label={t('receipt.link.title')}
          data-testid="receipt-follow-link"
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <div className="r-actions">
          <button
            type="button"
            className="r-button r-button-primary"
            onClick={copy}
            data-testid="receipt-copy"
          >
            {t('receipt.link.copy')}
          </button>
          <Link to={receipt.followPath} className="r-button" data-testid="receipt-open-follow">
            {t('receipt.link.open')}
          </Link>
        </div>
        {copied ? (
          <p className="r-muted" role="status" data-testid="receipt-copied">
            {t(copied === 'yes' ? 'receipt.link.copied' : 'receipt.link.copy_failed')}
          </p>
        ) : null}
      </div>

      <button type="button" className="r-button r-button-quiet" onClick={onAnother}>
        {t('receipt.another')}
      </button>
    </section>
  );
}
