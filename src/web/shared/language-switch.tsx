import { useI18n } from '../i18n/i18n-context';
import { locales } from '../i18n/translate';

interface LanguageSwitchProps {
  className?: string;
}

/** Two plain buttons, one per language; each label is written in its own language. */
export function LanguageSwitch({ className }: LanguageSwitchProps) {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className={className} role="group" aria-label={t('lang.switch')} data-testid="lang-switch">
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          data-testid={`lang-${option}`}
          onClick={() => {
            setLocale(option);
          }}
        >
          {t(`lang.name.${option}`)}
        </button>
      ))}
    </div>
  );
}
