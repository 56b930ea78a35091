import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { Link } from 'react-router';

import type { Mediation } from '../../../contract/mediation-views';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { MediationStatusTag } from './mediation-tags';

/** Where the mediation stands, what it is about and where it came from. */
export function MediationFacts({ mediation: m }: { mediation: Mediation }) {
  const { t } = useI18n();
  const source =
    m.source.kind === 'ticket' ? (
      <Link to={`/workbench/tickets/${m.source.id}`} data-testid="mediation-source">
        {t('mediation.source.ticket', { code: m.source.trackingCode ?? m.source.id })}
      </Link>
    ) : (
      <span data-testid="mediation-source">{t('mediation.source.visit')}</span>
    );
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('mediation.field.status'),
      children: <MediationStatusTag status={m.status} />,
    },
    {
      key: 'dispute',
      label: t('mediation.field.dispute_type'),
      children: <Tag>{t(`mediation.dispute.${m.disputeType}`)}</Tag>,
    },
    { key: 'committee', label: t('mediation.field.committee'), children: m.committeeName },
    {
      key: 'place',
      label: t('mediation.field.place'),
      children: `${m.place.street} ${m.place.community}`,
    },
    { key: 'source', label: t('mediation.field.source'), children: source },
    {
      key: 'opened',
      label: t('mediation.field.opened_at'),
      children: t('mediation.opened_by', { at: formatDateTime(m.openedAt), name: m.openedBy.name }),
    },
  ];
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

/** The parties, masked (first character, ends of the phone); full details only in the PDF. */
export function MediationParties({ mediation: m }: { mediation: Mediation }) {
  const { t } = useI18n();
  const none = <span className="wb-muted">{t('common.none')}</span>;
  return (
    <Card title={t('mediation.parties.title')} size="small" data-testid="mediation-parties">
      <Typography.Paragraph type="secondary">
        {t('mediation.parties.masked_note')}
      </Typography.Paragraph>
      <Table
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={m.parties}
        columns={[
          {
            key: 'role',
            title: t('mediation.party.role'),
            render: (_, p) => t(`mediation.role.${p.role}`),
          },
          {
            key: 'name',
            title: t('mediation.party.name'),
            render: (_, p) => <span data-testid="party-name">{p.nameMasked}</span>,
          },
          {
            key: 'phone',
            title: t('mediation.party.phone'),
            render: (_, p) =>
              p.phoneMasked ? <span data-testid="party-phone">{p.phoneMasked}</span> : none,
          },
          {
            key: 'id',
            title: t('mediation.party.id_number'),
            render: (_, p) => p.idNumberMasked ?? none,
          },
          {
            key: 'address',
            title: t('mediation.party.address'),
            render: (_, p) => (p.addressGiven ? t('mediation.party.address_given') : none),
          },
        ]}
      />
    </Card>
  );
}

/** The mediators and the organisation each comes from. */
export function MediationMediators({ mediation: m }: { mediation: Mediation }) {
  const { t } = useI18n();
  return (
    <Card title={t('mediation.mediators.title')} size="small" data-testid="mediation-mediators">
      <ul className="wb-mediator-list">
        {m.mediators.map((r) => (
          <li key={r.index}>
            <span className="wb-strong">{r.name}</span>{' '}
            <Tag color={r.orgKind === 'people_committee' ? 'green' : 'default'}>
              {t(`mediation.org.${r.orgKind}`)}
            </Tag>
            <span className="wb-muted">{r.orgName}</span>
            {r.staff?.badgeNo ? (
              <span className="wb-muted"> {t('mediation.badge', { badge: r.staff.badgeNo })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
