import { Empty, Table, Typography } from 'antd';

import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchResults } from './surveys-api';

function share(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

/** The results of one campaign per street and question, apart from the ticket ratings. */
export function CampaignResultsView({ id }: { id: string }) {
  const { t } = useI18n();
  const { resource } = useStaffResource(`survey-results/${id}`, (signal) =>
    fetchResults(id, signal),
  );
  if (resource.state === 'failed') {
    return <ErrorAlert error={resource.error} />;
  }
  if (resource.state !== 'ready') {
    return null;
  }
  const { streets } = resource.data;
  if (streets.length === 0) {
    return <Empty description={t('surveys.results.empty')} />;
  }
  return (
    <div data-testid="survey-results">
      <Typography.Paragraph type="secondary">{t('surveys.results.apart')}</Typography.Paragraph>
      {streets.map((s) => (
        <section key={s.streetId}>
          <h3>{t('surveys.results.street', { street: s.streetName, answered: s.answered })}</h3>
          <Table
            rowKey="question"
            size="small"
            pagination={false}
            dataSource={s.questions}
            columns={[
              { key: 'q', title: t('surveys.results.question'), dataIndex: 'question' },
              { key: 's', title: t('surveys.choice.satisfied'), dataIndex: 'satisfied' },
              {
                key: 'b',
                title: t('surveys.choice.basically_satisfied'),
                dataIndex: 'basicallySatisfied',
              },
              { key: 'u', title: t('surveys.choice.unsatisfied'), dataIndex: 'unsatisfied' },
              {
                key: 'rate',
                title: t('surveys.results.rate'),
                render: (_, q) => share(q.satisfied + q.basicallySatisfied, s.answered),
              },
            ]}
          />
          {s.comments.length > 0 ? (
            <ul className="wb-survey-comments">
              {s.comments.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
