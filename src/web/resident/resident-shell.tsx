import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';

import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../shared/language-switch';
import { elderModeShown, setElderMode } from './elder-mode';

/** The elder-mode switch: one button that says whether the mode is on. */
function ElderSwitch() {
  const { t } = useI18n();
  const [on, setOn] = useState(elderModeShown);
  return (
    <button
      type="button"
      className="r-elder-switch"
      aria-pressed={on}
      data-testid="elder-switch"
      onClick={() => {
        setElderMode(!on);
        setOn(!on);
      }}
    >
      {t('online.elder.switch')}
    </button>
  );
}

/** Header with the product name, the elder mode and the language switch, the page, a footer. */
export function ResidentShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="r-app">
      <header className="r-header">
        <Link to="/" className="r-brand">
          <span className="r-brand-mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <span className="r-brand-name">{t('app.name')}</span>
        </Link>
        <div className="r-header-tools">
          <ElderSwitch />
          <LanguageSwitch className="r-lang" />
        </div>
      </header>
      <main className="r-main">{children}</main>
      <footer className="r-footer">{t('app.footer')}</footer>
    </div>
  );
}
