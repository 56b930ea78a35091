import { Button, Card, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { CommunitySection, MatterSection, TrendSection } from './breakdown-sections';
import { fetchDashboard, type DashboardRange } from './dashboard-api';
import { isDay, presetRange, quarterOf, rangePresets, type RangePreset } from './dashboard-range';
import { RankingSection } from './ranking-section';
import { StreetPicker } from './street-picker';
import { OverdueSection, VerdictSections } from './verdict-sections';
import './dashboard.css';

function useRange(): {
  range: DashboardRange;
  granularity: 'week' | 'month';
  set: (next: Record<string, string | undefined>) => void;
} {
  const [params, setParams] = useSearchParams();
  const fallback = presetRange('3m', new Date());
  const from = params.get('from');
  const to = params.get('to');
  const streetId = params.get('streetId') ?? undefined;
  const days = isDay(from) && isDay(to) ? { from, to } : fallback;
  const range: DashboardRange = streetId ? { ...days, streetId } : days;
  const granularity = params.get('granularity') === 'month' ? 'month' : 'week';
  const set = (next: Record<string, string | undefined>) => {
    const merged: Record<string, string | undefined> = { ...range, granularity, ...next };
    setParams(
      Object.fromEntries(
        Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined),
      ),
    );
  };
  return { range, granularity, set };
}

/** /workbench/dashboard — trends, breakdowns, verdicts, overdue tickets and the ranking. */
export function DashboardPage() {
  const { t } = useI18n();
  useDocumentTitle('dashboard.menu');
  const { range, granularity, set } = useRange();
  const key = `dashboard/${range.from}/${range.to}/${granularity}/${range.streetId ?? ''}`;
  const { resource } = useStaffResource(key, (signal) =>
    fetchDashboard(range, granularity, signal),
  );
  const presets = useMemo(
    () => rangePresets.map((p) => ({ value: p, label: t(`dashboard.range.${p}`) })),
    [t],
  );
  const data = resource.state === 'ready' ? resource.data : null;

  return (
    <div className="wb-stack">
      <Card>
        <Typography.Title level={1} className="wb-title wb-dash-h1">
          {t('dashboard.title')}
        </Typography.Title>
        <Space wrap>
          <span data-testid="dashboard-range">
            {t('dashboard.range.shown', { from: range.from, to: range.to })}
          </span>
          <Select<RangePreset>
            aria-label={t('dashboard.range.label')}
            placeholder={t('dashboard.range.label')}
            options={presets}
            style={{ minWidth: 140 }}
            onChange={(p) => {
              set(presetRange(p, new Date()));
            }}
          />
          <Select<'week' | 'month'>
            aria-label={t('dashboard.granularity.label')}
            value={granularity}
            options={[
              { value: 'week', label: t('dashboard.granularity.week') },
              { value: 'month', label: t('dashboard.granularity.month') },
            ]}
            onChange={(g) => {
              set({ granularity: g });
            }}
          />
          <StreetPicker
            value={range.streetId}
            onChange={(id) => {
              set({ streetId: id });
            }}
          />
          <Button
            onClick={() => {
              set({ ...presetRange('3m', new Date()), streetId: undefined });
            }}
          >
            {t('dashboard.range.reset')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" className="wb-dash-lead">
          {t('dashboard.lead')}
        </Typography.Paragraph>
      </Card>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      {data ? (
        <>
          <TrendSection data={data} range={range} onRange={set} />
          <div className="wb-dash-pair">
            <CommunitySection data={data} range={range} onRange={set} />
            <MatterSection data={data} range={range} onRange={set} />
          </div>
          <VerdictSections data={data} range={range} />
          <OverdueSection data={data} range={range} />
          <RankingSection period={quarterOf(range.to)} />
        </>
      ) : null}
    </div>
  );
}
