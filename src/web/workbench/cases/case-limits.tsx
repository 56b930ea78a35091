import { Alert, Card, Table, Tag } from 'antd';

import type { CaseLimit, StaffCase } from '../../../contract/case-views';
import { useI18n } from '../../i18n/i18n-context';
import { fenToYuan } from './money';

const stateColors: Record<CaseLimit['state'], string> = {
  running: 'blue',
  met: 'green',
  late: 'orange',
  overdue: 'red',
  lapsed: 'default',
  waived: 'default',
};

function doneCell(doneOn: string | null, none: string) {
  return doneOn === null ? <span className="wb-muted">{none}</span> : doneOn;
}

/** Every time limit of the case with its rule, last day and standing; the surcharge so far. */
export function CaseLimits({ c }: { c: StaffCase }) {
  const { t } = useI18n();
  const surcharge = c.payment?.surcharge;
  return (
    <Card title={t('case.section.limits')} size="small" data-testid="case-limits">
      {c.limits.some((l) => l.calendarFallback) ? (
        <Alert type="warning" showIcon className="wb-gap" title={t('case.limits.fallback')} />
      ) : null}
      <Table<CaseLimit>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={c.limits}
        onRow={(row) => ({ 'data-testid': `limit-${row.key}`, 'data-state': row.state }) as never}
        columns={[
          { key: 'name', title: t('case.limits.name'), render: (_, l) => t(`case.limit.${l.key}`) },
          {
            key: 'rule',
            title: t('case.limits.rule'),
            render: (_, l) =>
              l.days !== null && l.unit !== null
                ? t(`case.limits.rule_${l.sense}`, { days: l.days, unit: t(`case.unit.${l.unit}`) })
                : t('case.limits.rule_fixed'),
          },
          {
            key: 'lastDay',
            title: t('case.limits.last_day'),
            render: (_, l) => <span data-testid="limit-last-day">{l.lastDay}</span>,
          },
          {
            key: 'done',
            title: t('case.limits.done_on'),
            render: (_, l) => doneCell(l.doneOn, t('common.none')),
          },
          {
            key: 'state',
            title: t('case.limits.state'),
            render: (_, l) => (
              <Tag color={stateColors[l.state]}>{t(`case.limit_state.${l.state}`)}</Tag>
            ),
          },
        ]}
      />
      {surcharge && c.payment ? (
        <Alert
          className="wb-gap-top"
          type={surcharge.daysLate > 0 ? 'warning' : 'info'}
          showIcon
          data-testid="case-surcharge"
          title={
            surcharge.daysLate > 0
              ? t(surcharge.capped ? 'case.surcharge.capped' : 'case.surcharge.late', {
                  asOf: surcharge.asOf,
                  days: surcharge.daysLate,
                  surcharge: fenToYuan(surcharge.surchargeFen),
                  total: fenToYuan(surcharge.totalFen),
                })
              : c.payment.paidOn
                ? t('case.surcharge.paid', {
                    paidOn: c.payment.paidOn,
                    total: fenToYuan(surcharge.totalFen),
                  })
                : c.payment.courtAppliedOn
                  ? t('case.surcharge.court', { on: c.payment.courtAppliedOn })
                  : t('case.surcharge.none', { total: fenToYuan(surcharge.totalFen) })
          }
        />
      ) : null}
    </Card>
  );
}
