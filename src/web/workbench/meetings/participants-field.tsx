import { Select } from 'antd';

import { MAX_PARTICIPANTS } from '../../../contract/meetings';
import { useI18n } from '../../i18n/i18n-context';

/** Suggestions for who took part: the community's bodies and the usual departments. */
const suggestions = ['residents_committee', 'owners_committee', 'property_manager', 'residents'];

/**
 * Who took part, as a free list of roles and organisations (a committee secretary, the property
 * manager); typing and Enter, or a comma, adds one. No phone numbers: the server refuses them.
 */
export function ParticipantsField(props: { value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useI18n();
  return (
    <Select
      {...props}
      mode="tags"
      maxCount={MAX_PARTICIPANTS}
      tokenSeparators={[',', '，', '、', ';', '；']}
      data-testid="meeting-participants"
      options={suggestions.map((s) => ({
        value: t(`visit.partner.${s}`),
        label: t(`visit.partner.${s}`),
      }))}
    />
  );
}
