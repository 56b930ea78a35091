import { useEffect } from 'react';

import { useI18n } from '../i18n/i18n-context';

/** Sets the browser tab title from a locale key, followed by the product name. */
export function useDocumentTitle(key: string, vars?: Record<string, string>): void {
  const { t } = useI18n();
  const title = t(key, vars);
  const product = t('app.name');
  useEffect(() => {
    document.title = title === product ? product : `${title} · ${product}`;
  }, [title, product]);
}
