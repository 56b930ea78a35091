import { Segmented } from 'antd';

import { useI18n } from '../../i18n/i18n-context';
import { locales, type Locale } from '../../i18n/translate';

/** The language switch of the workbench header; the choice is remembered on this device. */
export function WorkbenchLanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      value={locale}
      onChange={setLocale}
      aria-label={t('lang.switch')}
      data-testid="lang-switch"
      options={locales.map((option) => ({
        value: option,
        label: (
          <span lang={option} data-testid={`lang-${option}`}>
            {t(`lang.name.${option}`)}
          </span>
        ),
      }))}
    />
  );
}
