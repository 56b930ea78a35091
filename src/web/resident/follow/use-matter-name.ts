import { useEffect, useState } from 'react';

import type { Matter } from '../../../contract/org';
import { useI18n } from '../../i18n/i18n-context';
import { fetchMatters } from '../public-api';

/**
 * The matter name in the chosen language. A ticket carries only the Chinese name, so in English
 * the catalogue supplies the English one; until it arrives the Chinese name is shown.
 */
export function useMatterName(matter: { code: string; name: string } | null): string | null {
  const { locale } = useI18n();
  const [catalogue, setCatalogue] = useState<Matter[]>([]);

  useEffect(() => {
    if (locale === 'en' && matter) {
      fetchMatters().then(setCatalogue, () => {
        setCatalogue([]);
      });
    }
  }, [locale, matter]);

  if (!matter) {
    return null;
  }
  const english = catalogue.find((m) => m.code === matter.code)?.nameEn;
  return locale === 'en' && english ? english : matter.name;
}
