import type { Translate } from '../../i18n/translate';

/** An officer as "name (badge no.)"; admins without a badge number show their name alone. */
export function staffLabel(t: Translate, staff: { name: string; badgeNo: string | null }): string {
  const badge = staff.badgeNo?.trim();
  return badge ? t('staff.name_badge', { name: staff.name, badge }) : staff.name;
}
