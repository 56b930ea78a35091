import { Button, Table } from 'antd';
import { useEffect, useRef } from 'react';

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

/** Scrolls the selected street's row into view once the scores are shown. */
function useScrollToRow(selected: string | null, scores: Scores | null) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected || !scores) {
      return;
    }
    const row = [...(box.current?.querySelectorAll<HTMLElement>('tr[data-row-key]') ?? [])].find(
      (tr) => tr.dataset.rowKey === selected,
    );
    row?.scrollIntoView({ block: 'center' });
  }, [selected, scores]);
  return box;
}

/**
 * The ranking: streets × dimensions and total; each score the user may open (`canDrill`) opens
 * its indicators' records, the others are plain text. The `selected` street's row is highlighted.
 */
export function RankingTable(props: {
  scores: Scores | null;
  loading: boolean;
  selected: string | null;
  canDrill: (streetId: string) => boolean;
  onDrill: (target: DrillTarget) => void;
}) {
  const { t } = useI18n();
  const box = useScrollToRow(props.selected, props.scores);
  const noData = t('assessment.no_data');
  const dimensionColumns = dimensionKeys.map((key) => ({
    key,
    title: t(`assessment.dimension.${key}`),
    render: (_: unknown, s: StreetScore) => {
      const indicator = firstIndicator(s, key);
      const score = shown(s.dimensions.find((d) => d.key === key)?.score ?? null, noData);
      return indicator && props.canDrill(s.streetId) ? (
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
    <div ref={box}>
      <Table
        rowKey="streetId"
        size="middle"
        pagination={false}
        data-testid="assessment-ranking"
        loading={props.loading}
        rowClassName={(s) => (s.streetId === props.selected ? 'wb-assessment-selected' : '')}
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
    </div>
  );
}
