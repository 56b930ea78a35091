import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';

import type { Mediation, MediationOutcome } from '../../../contract/mediation-views';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { agreementPdfUrl } from './mediations-api';
import { CheckDueCell } from './mediation-tags';
import { formatDay } from './shanghai-date';

const pre = (text: string) => <span className="wb-pre">{text}</span>;

function outcomeItems(t: Translate, o: MediationOutcome): DescriptionsProps['items'] {
  switch (o.kind) {
    case 'written':
      return [
        {
          key: 'responsibilities',
          label: t('mediation.written.responsibilities'),
          children: pre(o.responsibilities),
        },
        { key: 'terms', label: t('mediation.written.terms'), children: pre(o.terms) },
        { key: 'manner', label: t('mediation.written.manner'), children: o.performanceManner },
        {
          key: 'deadline',
          label: t('mediation.written.deadline'),
          children: formatDay(o.performanceDeadline),
        },
        { key: 'signed', label: t('mediation.written.signed_on'), children: formatDay(o.signedOn) },
      ];
    case 'oral':
      return [
        { key: 'content', label: t('mediation.oral.content'), children: pre(o.content) },
        { key: 'agreed', label: t('mediation.oral.agreed_on'), children: formatDay(o.agreedOn) },
        {
          key: 'deadline',
          label: t('mediation.written.deadline'),
          children: o.performanceDeadline ? formatDay(o.performanceDeadline) : t('common.none'),
        },
      ];
    case 'none':
      return [
        { key: 'reason', label: t('mediation.end.reason'), children: pre(o.reason) },
        { key: 'ended', label: t('mediation.end.ended_on'), children: formatDay(o.endedOn) },
        {
          key: 'routes',
          label: t('mediation.end.routes'),
          children: t('mediation.end.routes_done'),
        },
      ];
  }
}

/** The agreement's performance check: its day, and what it found once done. */
function CheckBox({ mediation: m }: { mediation: Mediation }) {
  const { t } = useI18n();
  const check = m.check;
  if (!check) {
    return null;
  }
  const items: DescriptionsProps['items'] = [
    {
      key: 'due',
      label: t('mediation.check.due_on'),
      children: <CheckDueCell dueOn={check.dueOn} overdue={check.overdue} />,
    },
    ...(check.result
      ? [
          {
            key: 'result',
            label: t('mediation.check.result'),
            children: <Tag data-testid="check-result">{t(`mediation.result.${check.result}`)}</Tag>,
          },
          {
            key: 'by',
            label: t('mediation.check.checked'),
            children: t('mediation.opened_by', {
              at: formatDateTime(check.checkedAt ?? ''),
              name: check.checkedBy?.name ?? '',
            }),
          },
          ...(check.note
            ? [{ key: 'note', label: t('mediation.check.note'), children: pre(check.note) }]
            : []),
        ]
      : []),
  ];
  return (
    <Descriptions
      size="small"
      column={1}
      className="wb-gap-top"
      title={t('mediation.check.title')}
      items={items}
    />
  );
}

/** The outcome, the Art 33 date, the agreement PDF, the performance check and the follow-up. */
export function MediationOutcomeCard({ mediation: m }: { mediation: Mediation }) {
  const { t } = useI18n();
  const o = m.outcome;
  if (!o) {
    return null;
  }
  return (
    <Card
      title={t(`mediation.outcome.${o.kind}`)}
      size="small"
      data-testid="mediation-outcome"
      extra={
        o.kind === 'written' ? (
          <Button
            icon={<DownloadOutlined />}
            href={agreementPdfUrl(m.id)}
            data-testid="agreement-download"
          >
            {t('mediation.written.download')}
          </Button>
        ) : null
      }
    >
      {o.kind === 'written' ? (
        <Alert
          type="info"
          showIcon
          className="wb-gap"
          data-testid="judicial-confirmation"
          title={t('mediation.written.confirmation', {
            day: formatDay(o.judicialConfirmationLastDay),
          })}
          description={t('mediation.written.confirmation_hint')}
        />
      ) : null}
      {o.kind === 'written' ? (
        <Typography.Paragraph type="secondary">
          {t('mediation.written.download_note')}
        </Typography.Paragraph>
      ) : null}
      <Descriptions size="small" column={1} items={outcomeItems(t, o)} />
      <CheckBox mediation={m} />
      {m.followup ? (
        <Alert
          type="warning"
          showIcon
          className="wb-gap-top"
          data-testid="mediation-followup"
          title={t(`mediation.followup.done_${m.followup.kind}`, { id: m.followup.id })}
        />
      ) : null}
    </Card>
  );
}
