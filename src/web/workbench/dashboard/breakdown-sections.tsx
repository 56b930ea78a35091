import { useNavigate } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { ChartCard } from './chart-card';
import type { DashboardData, DashboardRange } from './dashboard-api';
import { bucketDays } from './dashboard-range';
import { communityOption, matterLabel, matterOption, trendOption } from './dashboard-options';
import { DataTable } from './data-table';

function share(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

interface SectionProps {
  data: DashboardData;
  range: DashboardRange;
  onRange: (range: { from: string; to: string }) => void;
}

/** The trend: clicking a week or month narrows the dashboard to it. */
export function TrendSection({ data, onRange }: SectionProps) {
  const { t } = useI18n();
  const buckets = data.trend.buckets;
  return (
    <ChartCard
      title={t('dashboard.trend.title')}
      option={trendOption(t, data.trend)}
      testId="chart-trend"
      onPick={(i) => {
        const bucket = buckets[i];
        if (bucket) {
          onRange(bucketDays(bucket));
        }
      }}
    >
      <DataTable
        testId="data-trend"
        caption={t('dashboard.trend.title')}
        head={[
          t('dashboard.col.period'),
          t('dashboard.series.received'),
          t('dashboard.series.resolved'),
        ]}
        rows={buckets.map((b) => [b.label, b.received, b.resolved])}
      />
    </ChartCard>
  );
}

/** Per community: clicking a bar lists the tickets behind it. */
export function CommunitySection({ data, range }: SectionProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const items = data.byCommunity.items;
  return (
    <ChartCard
      title={t('dashboard.community.title')}
      option={communityOption(t, data.byCommunity)}
      testId="chart-community"
      onPick={(i) => {
        const item = items[i];
        if (item) {
          const q = new URLSearchParams({
            communityId: item.communityId,
            from: range.from,
            to: range.to,
          });
          void navigate(`/workbench/dashboard/records?${q.toString()}`);
        }
      }}
    >
      <DataTable
        testId="data-community"
        caption={t('dashboard.community.title')}
        head={[
          t('dashboard.col.community'),
          t('dashboard.col.street'),
          t('dashboard.series.received'),
          t('dashboard.series.resolved'),
          t('dashboard.col.on_time_share'),
        ]}
        rows={items.map((i) => [
          i.communityName,
          i.streetName,
          i.received,
          i.resolved,
          share(i.onTime, i.resolved),
        ])}
      />
    </ChartCard>
  );
}

/** Per matter: clicking a bar lists the tickets of that matter in the range. */
export function MatterSection({ data, range }: SectionProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const items = data.byMatter.items;
  return (
    <ChartCard
      title={t('dashboard.matter.title')}
      option={matterOption(t, data.byMatter)}
      testId="chart-matter"
      onPick={(i) => {
        const item = items[i];
        if (item) {
          const q = new URLSearchParams({
            matterCode: item.matterCode ?? 'none',
            from: range.from,
            to: range.to,
          });
          void navigate(`/workbench/dashboard/records?${q.toString()}`);
        }
      }}
    >
      <DataTable
        testId="data-matter"
        caption={t('dashboard.matter.title')}
        head={[
          t('dashboard.col.matter'),
          t('dashboard.series.received'),
          t('dashboard.series.resolved'),
          t('dashboard.col.on_time_share'),
        ]}
        rows={items.map((i) => [
          matterLabel(t, i),
          i.received,
          i.resolved,
          share(i.onTime, i.resolved),
        ])}
      />
    </ChartCard>
  );
}
