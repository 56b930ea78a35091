import { Card, Descriptions } from 'antd';
import { Link } from 'react-router';

import type { StaffCase } from '../../../contract/case-views';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { StatusTag } from '../common/status-tag';
import { MatterBasis } from './matter-basis';
import { fenToYuan } from './money';
import { PartyBox } from './party-box';

/** The matter's structured fine ranges as one line, or the warning that it has none. */
function rangesLine(
  t: (key: string, vars?: Record<string, string | number>) => string,
  c: StaffCase,
) {
  if (c.matter.fineRanges.length === 0) {
    return t('case.range.none');
  }
  return c.matter.fineRanges
    .map((r) =>
      t('case.range.line', {
        party: t(`case.party_kind.${r.partyKind}`),
        circumstance: t(`case.circumstance.${r.circumstance}`),
        min: fenToYuan(r.minFen),
        max: fenToYuan(r.maxFen),
      }),
    )
    .join('；');
}

/** Where the case stands: who decides, where it came from, the matter with its basis, the party. */
export function CaseFacts({ c }: { c: StaffCase }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Card title={t('case.section.facts')} size="small">
        <Descriptions
          size="small"
          column={2}
          data-testid="case-facts"
          items={[
            {
              key: 'body',
              label: t('case.field.body'),
              children: <span data-testid="case-body">{c.body.name}</span>,
            },
            { key: 'officer', label: t('case.field.officer'), children: c.officer.name },
            {
              key: 'source',
              label: t('case.field.source'),
              children: c.ticket ? (
                <Link to={`/workbench/tickets/${c.ticket.id}`} data-testid="case-ticket-link">
                  {c.ticket.trackingCode} <StatusTag status={c.ticket.status} />
                </Link>
              ) : (
                t('case.source.patrol')
              ),
            },
            {
              key: 'registered',
              label: t('case.field.registered_at'),
              children: formatDateTime(c.registeredAt),
            },
            {
              key: 'matter',
              label: t('case.field.matter'),
              children: (
                <span data-testid="case-matter">
                  {locale === 'en' ? c.matter.nameEn : c.matter.name}
                </span>
              ),
              span: 2,
            },
            { key: 'place', label: t('case.field.place'), children: c.place, span: 2 },
            {
              key: 'facts',
              label: t('case.field.facts'),
              children: <span className="wb-pre">{c.facts}</span>,
              span: 2,
            },
            {
              key: 'ranges',
              label: t('case.field.fine_ranges'),
              children: <span data-testid="case-fine-ranges">{rangesLine(t, c)}</span>,
              span: 2,
            },
          ]}
        />
        <MatterBasis matter={c.matter} />
      </Card>
      <Card title={t('case.section.party')} size="small">
        <PartyBox c={c} />
      </Card>
    </>
  );
}
