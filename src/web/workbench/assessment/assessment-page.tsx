import { Button, Card, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { exportUrl, fetchScores, periodChoices, reportUrl } from './assessment-api';
import { DrilldownDrawer } from './drilldown-drawer';
import { ExemplaryPanel } from './exemplary-panel';
import { RankingTable, type DrillTarget } from './ranking-table';
import { SchemePanel } from './scheme-panel';
import './assessment.css';

/** /workbench/assessment — the street assessment: ranking, drill-down, scheme, exemplary work. */
export function AssessmentPage() {
  const { t } = useI18n();
  const me = useMe();
  useDocumentTitle('menu.assessment');
  const choices = periodChoices(new Date());
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period = asked !== null && choices.includes(asked) ? asked : (choices[0] ?? '');
  const selected = params.get('streetId');
  const [version, setVersion] = useState(0);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const { resource } = useStaffResource(`assessment/${period}/${String(version)}`, (signal) =>
    fetchScores(period, signal),
  );
  const scores = resource.state === 'ready' ? resource.data : null;
  const bureau = me.role === 'bureau_admin';
  const monthly = /^\d{4}-\d{2}$/.test(period);
  // A street admin reads every street's scores but opens the records of their own street only.
  const canDrill = (streetId: string) => me.role !== 'street_admin' || me.street?.id === streetId;
  const reload = () => {
    setVersion((v) => v + 1);
  };

  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={1} className="wb-title">
          {t('assessment.title')}
        </Typography.Title>
        <Space wrap>
          <label htmlFor="assessment-period">{t('assessment.period')}</label>
          <Select
            id="assessment-period"
            data-testid="assessment-period"
            value={period}
            style={{ minWidth: 140 }}
            options={choices.map((p) => ({ value: p, label: p }))}
            onChange={(p) => {
              setParams(
                (q) => {
                  q.set('period', p);
                  return q;
                },
                { replace: true },
              );
            }}
          />
          <Button href={exportUrl(period)} data-testid="assessment-export">
            {t('assessment.export')}
          </Button>
          <Button href={reportUrl(period)} disabled={!monthly} data-testid="assessment-report">
            {t('assessment.report')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('assessment.lead')}</Typography.Paragraph>
      {scores ? (
        <Typography.Paragraph type="secondary">
          {t('assessment.scheme_version', { version: scores.schemeVersion })}
        </Typography.Paragraph>
      ) : null}
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Tabs
        items={[
          {
            key: 'ranking',
            label: t('assessment.tab.ranking'),
            children: (
              <RankingTable
                scores={scores}
                loading={resource.state === 'loading'}
                selected={selected}
                canDrill={canDrill}
                onDrill={setDrill}
              />
            ),
          },
          {
            key: 'scheme',
            label: t('assessment.tab.scheme'),
            children: <SchemePanel editable={bureau} onSaved={reload} />,
          },
          {
            key: 'exemplary',
            label: t('assessment.tab.exemplary'),
            children: (
              <ExemplaryPanel period={period} scores={scores} editable={bureau} onChange={reload} />
            ),
          },
        ]}
      />
      <DrilldownDrawer
        period={period}
        scores={scores}
        target={drill}
        onClose={() => {
          setDrill(null);
        }}
      />
    </Card>
  );
}
