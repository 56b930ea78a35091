import { Alert } from 'antd';
import { useNavigate } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ChartCard } from './chart-card';
import { fetchScores } from './dashboard-api';
import { rankedStreets, rankingOption } from './dashboard-options';
import { DataTable } from './data-table';

/** The assessment ranking of a quarter from the scoring engine; a bar opens its drill-down. */
export function RankingSection({ period }: { period: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { resource } = useStaffResource(`dashboard-scores/${period}`, (signal) =>
    fetchScores(period, signal),
  );
  if (resource.state === 'failed') {
    return <Alert type="info" showIcon title={t('dashboard.ranking.unavailable')} />;
  }
  if (resource.state !== 'ready') {
    return null;
  }
  const streets = rankedStreets(resource.data);
  return (
    <ChartCard
      title={t('dashboard.ranking.title', { period })}
      option={rankingOption(t, resource.data)}
      testId="chart-ranking"
      onPick={(i) => {
        const street = streets[i];
        if (street) {
          const q = new URLSearchParams({ period, streetId: street.streetId });
          void navigate(`/workbench/assessment?${q.toString()}`);
        }
      }}
    >
      <DataTable
        testId="data-ranking"
        caption={t('dashboard.ranking.title', { period })}
        head={[t('dashboard.col.rank'), t('dashboard.col.street'), t('dashboard.series.total')]}
        rows={streets.map((s) => [s.rank ?? '—', s.streetName, s.total ?? '—'])}
      />
    </ChartCard>
  );
}
