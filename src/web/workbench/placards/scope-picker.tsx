import { Checkbox, InputNumber, Select, Space } from 'antd';

import type { PlacardScopeTree } from '../../../contract/placards';
import { useI18n } from '../../i18n/i18n-context';
import type { ScopeChoice } from './placards-api';

interface ScopePickerProps {
  tree: PlacardScopeTree;
  scope: ScopeChoice;
  onScope: (scope: ScopeChoice) => void;
}

/**
 * The street and community of the register. A street admin and the bureau admin may take a
 * whole street; a liaison chooses among the communities of their rooms.
 */
export function ScopePicker({ tree, scope, onScope }: ScopePickerProps) {
  const { t } = useI18n();
  const street = tree.streets.find((s) => s.code === scope.street);
  const communities = street?.communities ?? [];
  return (
    <Space wrap>
      <Select
        className="pl-select"
        value={scope.street || undefined}
        placeholder={t('placards.scope.street')}
        onChange={(code: string) => {
          const next = tree.streets.find((s) => s.code === code);
          onScope({
            street: code,
            community: next?.whole ? '' : (next?.communities[0]?.code ?? ''),
          });
        }}
        options={tree.streets.map((s) => ({ value: s.code, label: s.name }))}
        data-testid="placard-street"
      />
      <Select
        className="pl-select"
        value={scope.community}
        onChange={(code: string) => {
          onScope({ street: scope.street, community: code });
        }}
        options={[
          ...(street?.whole ? [{ value: '', label: t('placards.scope.whole_street') }] : []),
          ...communities.map((c) => ({ value: c.code, label: c.name })),
        ]}
        data-testid="placard-community"
      />
    </Space>
  );
}

interface FilterBarProps {
  needsReprint: boolean;
  notCheckedDays: number | null;
  onChange: (next: { needsReprint: boolean; notCheckedDays: number | null }) => void;
}

/** The register's filters: only what needs reprinting; not checked for N days. */
export function FilterBar({ needsReprint, notCheckedDays, onChange }: FilterBarProps) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Checkbox
        checked={needsReprint}
        onChange={(event) => {
          onChange({ needsReprint: event.target.checked, notCheckedDays });
        }}
        data-testid="filter-needs-reprint"
      >
        {t('placards.filter.needs_reprint')}
      </Checkbox>
      <InputNumber<number>
        min={1}
        max={3650}
        precision={0}
        value={notCheckedDays}
        placeholder={t('placards.filter.days_placeholder')}
        prefix={t('placards.filter.not_checked')}
        suffix={t('placards.filter.days')}
        className="pl-days"
        onChange={(value) => {
          onChange({ needsReprint, notCheckedDays: value ?? null });
        }}
        data-testid="filter-not-checked-days"
      />
    </Space>
  );
}
