import { Link } from 'react-router';

import type { SuggestionReceipt } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';

/** What the proposer keeps: the receipt code and the private link to follow the suggestion. */
export function SuggestionReceiptView({ receipt }: { receipt: SuggestionReceipt }) {
  const { t } = useI18n();
  return (
    <section
      className="r-card"
      role="status"
      aria-labelledby="sg-receipt-title"
      data-testid="suggest-receipt"
    >
      <h2 id="sg-receipt-title">{t('suggest.receipt.title')}</h2>
      <p>{t('suggest.receipt.code')}</p>
      <p className="sg-code" data-testid="suggest-receipt-code">
        {receipt.receiptCode}
      </p>
      <p className="r-muted">{t('suggest.receipt.keep')}</p>
      <Link
        to={receipt.followPath}
        className="r-button r-button-primary r-button-block"
        data-testid="suggest-follow"
      >
        {t('suggest.receipt.follow')}
      </Link>
    </section>
  );
}
