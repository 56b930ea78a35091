import { Button, Table } from 'antd';

import type { DimensionKey, IndicatorKey, Scores, StreetScore } from '../../../contract/assessment';
import { dimensionKeys } from '../../../contract/assessment';
import { useI18n } from '../../i18n/i18n-context';

/** A number the user opens the records of. */
export interface DrillTarget {
  streetId: string;
  streetName: string;
  indicator: IndicatorKey;
}

function shown(n: number | null, noData: string): string {
  return n === null ? noData : n.toFixed(2);
}

/** The first indicator of a dimension, opened when its score is clicked. */
function firstIndicator(s: StreetScore, key: DimensionKey): IndicatorKey | null {
  return s.dimensions.find((d) => d.key === key)?.indicators[0]?.key ?? null;
}

/** The ranking: streets × dimensions and total; each score opens its indicators' records. */
export function RankingTable(props: {
  scores: Scores | null;
  loading: boolean;
  onDrill: (target: DrillTarget) => void;
}) {
  const { t } = useI18n();
  const noData = t('assessment.no_data');
  const dimensionColumns = dimensionKeys.map((key) => ({
    key,
    title: t(`assessment.dimension.${key}`),
    render: (_: unknown, s: StreetScore) => {
      const indicator = firstIndicator(s, key);
      const score = shown(s.dimensions.find((d) => d.key === key)?.score ?? null, noData);
      return indicator ? (
        <Button
          type="link"
          size="small"
          data-testid={`assessment-cell-${key}`}
          onClick={() => {
            props.onDrill({ streetId: s.streetId, streetName: s.streetName, indicator });
          }}
        >
          {score}
        </Button>
      ) : (
        score
      );
    },
  }));
  return (
    <Table
      rowKey="streetId"
      size="middle"
      pagination={false}
      data-testid="assessment-ranking"
      loading={props.loading}
      dataSource={props.scores?.streets ?? []}
      columns={[
        { key: 'rank', title: t('assessment.rank'), render: (_, s) => s.rank ?? '—' },
        { key: 'street', title: t('assessment.street'), dataIndex: 'streetName' },
        ...dimensionColumns,
        {
          key: 'total',
          title: t('assessment.total'),
          render: (_, s) => <strong>{shown(s.total, noData)}</strong>,
        },
      ]}
    />
  );
}
