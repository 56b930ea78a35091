import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../shared/language-switch';

/** Header with the product name and the language switch, the page, and a short footer. */
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
        <LanguageSwitch className="r-lang" />
      </header>
      <main className="r-main">{children}</main>
      <footer className="r-footer">{t('app.footer')}</footer>
    </div>
  );
}
