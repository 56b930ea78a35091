import { Select } from 'antd';

import { useI18n } from '../../i18n/i18n-context';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { fetchStreets } from './dashboard-api';

/**
 * The street the dashboard counts, for the bureau admin and the auditor (a street admin sees
 * their own street only and gets no picker); cleared, it counts the whole district.
 */
export function StreetPicker(props: {
  value: string | undefined;
  onChange: (streetId: string | undefined) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const districtWide = me.role !== 'street_admin';
  const { resource } = useStaffResource(`dashboard-streets/${me.role}`, (signal) =>
    districtWide ? fetchStreets(signal) : Promise.resolve({ items: [] }),
  );
  if (!districtWide) {
    return null;
  }
  const streets = resource.state === 'ready' ? resource.data.items : [];
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={t('dashboard.street.label')}
      placeholder={t('dashboard.street.all')}
      data-testid="dashboard-street"
      style={{ minWidth: 180 }}
      value={props.value}
      loading={resource.state === 'loading'}
      options={streets.map((s) => ({ value: s.id, label: s.name }))}
      onChange={(id) => {
        props.onChange(id);
      }}
    />
  );
}
