import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';

import { AppRoutes, preloadRoute } from './app-routes';
import { I18nProvider } from './i18n/i18n-context';
import { initialLocale } from './i18n/locale-choice';
import { loadMessages, messagePartOf } from './i18n/load-messages';
import { applyElderMode, storedElderMode } from './resident/elder-mode';

const container = document.getElementById('root');
if (!container) {
  throw new Error('missing #root');
}
// Before anything is drawn, so that a remembered elder mode never flashes the small text first.
applyElderMode(storedElderMode());
const root = createRoot(container);
const locale = initialLocale();

preloadRoute(window.location.pathname);
const part = messagePartOf(window.location.pathname);
void loadMessages(locale, part).then((messages) => {
  root.render(
    <StrictMode>
      <I18nProvider initialLocale={locale} initialMessages={messages} initialPart={part}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </I18nProvider>
    </StrictMode>,
  );
});
