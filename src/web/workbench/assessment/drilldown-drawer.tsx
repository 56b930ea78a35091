import { Descriptions, Drawer, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import type { DrilldownRecord, IndicatorKey, Scores } from '../../../contract/assessment';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchDrilldown } from './assessment-api';
import { detailText, statusLabel } from './drilldown-labels';
import type { DrillTarget } from './ranking-table';

function label(r: DrilldownRecord) {
  return r.kind === 'ticket' ? <Link to={`/workbench/tickets/${r.id}`}>{r.label}</Link> : r.label;
}

/** The records behind a number: the street's indicators of one dimension, one open. */
export function DrilldownDrawer(props: {
  period: string;
  scores: Scores | null;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const shanghai = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const [chosen, setChosen] = useState<{ key: IndicatorKey; page: number } | null>(null);
  const target = props.target;
  const street = props.scores?.streets.find((s) => s.streetId === target?.streetId);
  const dimension = street?.dimensions.find((d) =>
    d.indicators.some((i) => i.key === target?.indicator),
  );
  const indicator =
    chosen && dimension?.indicators.some((i) => i.key === chosen.key)
      ? chosen.key
      : target?.indicator;
  const page = chosen && chosen.key === indicator ? chosen.page : 1;
  const key =
    target && indicator
      ? `${props.period}/${target.streetId}/${indicator}/${String(page)}`
      : 'none';
  const { resource } = useStaffResource(key, (signal) =>
    target && indicator
      ? fetchDrilldown({ period: props.period, streetId: target.streetId, indicator, page }, signal)
      : Promise.resolve(null),
  );
  const data = resource.state === 'ready' ? resource.data : null;
  const current = dimension?.indicators.find((i) => i.key === indicator);

  return (
    <Drawer
      open={target !== null}
      size="large"
      title={
        target
          ? `${target.streetName} · ${dimension ? t(`assessment.dimension.${dimension.key}`) : ''}`
          : ''
      }
      onClose={() => {
        setChosen(null);
        props.onClose();
      }}
      data-testid="assessment-drilldown"
    >
      <Segmented
        value={indicator}
        options={(dimension?.indicators ?? []).map((i) => ({
          value: i.key,
          label: t(`assessment.indicator.${i.key}`),
        }))}
        onChange={(value) => {
          setChosen({ key: value, page: 1 });
        }}
      />
      {current ? (
        <Descriptions size="small" column={3} className="wb-assessment-numbers">
          <Descriptions.Item label={t('assessment.numerator')}>
            {current.numerator}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.denominator')}>
            {current.denominator}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.value')}>
            {current.value ?? t('assessment.no_data')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.target')}>{current.target}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.weight')}>{current.weight}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.score')}>
            {current.score ?? t('assessment.no_data')}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <p>{indicator ? t(`assessment.formula.${indicator}`) : null}</p>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="small"
        data-testid="assessment-records"
        loading={resource.state === 'loading'}
        dataSource={data?.records ?? []}
        locale={{ emptyText: t('assessment.records.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: (p) => {
            if (indicator) {
              setChosen({ key: indicator, page: p });
            }
          },
        }}
        columns={[
          { key: 'label', title: t('assessment.records.record'), render: (_, r) => label(r) },
          {
            key: 'status',
            title: t('assessment.records.status'),
            render: (_, r) => statusLabel(t, r),
          },
          {
            key: 'counted',
            title: t('assessment.records.counted'),
            render: (_, r) =>
              r.counted ? (
                <Tag color="green">{t('assessment.records.yes')}</Tag>
              ) : (
                <Tag>{t('assessment.records.no')}</Tag>
              ),
          },
          {
            key: 'times',
            title: t('assessment.records.details'),
            render: (_, r) =>
              Object.entries(r.times)
                .map(([k, v]) => {
                  const text = detailText(t, k, v, (d) => shanghai.format(d));
                  return `${t(`assessment.time.${k}`)}: ${text}`;
                })
                .join('；'),
          },
          { key: 'value', title: t('assessment.value'), render: (_, r) => r.value ?? '' },
        ]}
      />
    </Drawer>
  );
}
