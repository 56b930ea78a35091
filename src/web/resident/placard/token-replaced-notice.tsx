import { useI18n } from '../../i18n/i18n-context';

/**
 * Shown above a building's page reached through a QR code whose token was replaced: the code
 * still works, and what follows is the current contact, not what the old card printed.
 */
export function TokenReplacedNotice() {
  const { t } = useI18n();
  return (
    <section
      className="r-card r-notice r-notice-warning"
      role="status"
      data-testid="placard-token-replaced"
    >
      <p>
        <strong>{t('placards.resident.token_replaced')}</strong>
      </p>
      <p className="r-muted">{t('placards.resident.token_replaced_hint')}</p>
    </section>
  );
}
