import { Descriptions } from 'antd';

import type { Matter } from '../../../contract/org';
import { useI18n } from '../../i18n/i18n-context';

/** The legal basis of a matter as the catalogue states it: prohibition, penalty and range. */
export function MatterBasis({
  matter,
}: {
  matter: Pick<Matter, 'prohibitionBasis' | 'penaltyBasis' | 'penaltyRange'>;
}) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      className="wb-gap"
      data-testid="matter-basis"
      items={[
        {
          key: 'prohibition',
          label: t('case.field.prohibition_basis'),
          children: matter.prohibitionBasis,
        },
        { key: 'penalty', label: t('case.field.penalty_basis'), children: matter.penaltyBasis },
        { key: 'range', label: t('case.field.penalty_range'), children: matter.penaltyRange },
      ]}
    />
  );
}
