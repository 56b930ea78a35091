import { useEffect, useState } from 'react';

import type { Matter, Placard } from '../../../contract/org';
import { useI18n } from '../../i18n/i18n-context';
import { fetchMatters } from '../public-api';
import { FieldError } from './field-error';

type MatterName = Pick<Matter, 'code' | 'name' | 'nameEn'>;

interface MatterSelectProps {
  placard: Placard;
  value: string;
  onChange: (code: string) => void;
  error: string | null;
}

/** Optional choice of matter: the building's main matters first, then the rest of the catalogue. */
export function MatterSelect({ placard, value, onChange, error }: MatterSelectProps) {
  const { t, locale } = useI18n();
  const [catalogue, setCatalogue] = useState<MatterName[]>([]);

  useEffect(() => {
    // Without the catalogue the building's own matters are still offered.
    fetchMatters().then(setCatalogue, () => {
      setCatalogue([]);
    });
  }, []);

  const mainCodes = new Set(placard.matters.map((m) => m.code));
  const others = catalogue.filter((m) => !mainCodes.has(m.code));
  const label = (m: MatterName) => (locale === 'en' ? m.nameEn : m.name);
  const options = (list: MatterName[]) =>
    list.map((m) => (
      <option key={m.code} value={m.code}>
        {label(m)}
      </option>
    ));

  return (
    <div className="r-field">
      <label className="r-label" htmlFor="matter">
        {t('form.matter.label')} <span className="r-optional">{t('form.optional')}</span>
      </label>
      <select
        id="matter"
        className="r-input"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        data-testid="matter-select"
        aria-describedby={error ? 'matter-error' : undefined}
      >
        <option value="">{t('form.matter.none')}</option>
        {placard.matters.length > 0 ? (
          <optgroup label={t('form.matter.group_main')}>{options(placard.matters)}</optgroup>
        ) : null}
        {others.length > 0 ? (
          <optgroup label={t('form.matter.group_other')}>{options(others)}</optgroup>
        ) : null}
      </select>
      <FieldError id="matter-error" message={error} testId="error-matterCode" />
    </div>
  );
}
