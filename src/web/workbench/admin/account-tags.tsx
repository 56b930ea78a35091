import { Tag } from 'antd';

import type { StaffAccount } from '../../../contract/auth';
import type { Translate } from '../../i18n/translate';

/** Active or disabled, in words and colour. */
export function activeTag(t: Translate, a: StaffAccount) {
  return (
    <Tag className={a.active ? 'adm-tag-ok' : 'adm-tag-off'} data-testid={`active-${a.username}`}>
      {t(a.active ? 'admin.state.active' : 'admin.state.disabled')}
    </Tag>
  );
}

/** Locked now (with the end of the lock in Shanghai time), or nothing. */
export function lockedTag(t: Translate, locale: string, a: StaffAccount) {
  if (!a.lockedUntil) {
    return <span className="adm-muted">{t('admin.state.not_locked')}</span>;
  }
  const until = new Date(a.lockedUntil).toLocaleString(locale, { timeZone: 'Asia/Shanghai' });
  return (
    <Tag className="adm-tag-locked" data-testid={`locked-${a.username}`}>
      {t('admin.state.locked_until', { until })}
    </Tag>
  );
}

/** Whether the account has set up its authenticator. */
export function secondFactorTag(t: Translate, a: StaffAccount) {
  return (
    <Tag
      className={a.secondFactor ? 'adm-tag-set' : 'adm-tag-off'}
      data-testid={`totp-${a.username}`}
    >
      {t(a.secondFactor ? 'admin.state.totp_set' : 'admin.state.totp_unset')}
    </Tag>
  );
}
