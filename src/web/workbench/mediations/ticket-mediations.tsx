import { TeamOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { MediationStatusTag } from './mediation-tags';
import { fetchMediations } from './mediations-api';
import { OpenMediationModal } from './open-mediation-modal';

/** The ticket states in which a dispute can go to mediation (the server decides in the end). */
const openable: readonly StaffTicket['status'][] = ['accepted', 'contacted'];

/** The mediations opened from a ticket, and the button that opens one for those who work it. */
export function TicketMediations({ ticket }: { ticket: StaffTicket }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const { resource } = useStaffResource(`ticket-mediations/${ticket.id}`, (signal) =>
    fetchMediations({ status: 'all', page: 1, pageSize: 20, ticketId: ticket.id }, signal),
  );
  const works = me.role !== 'liaison' || ticket.assignee?.id === me.id;
  const canOpen = works && openable.includes(ticket.status);
  const items = resource.state === 'ready' ? resource.data.items : [];

  return (
    <Card
      title={t('mediation.ticket.title')}
      size="small"
      data-testid="ticket-mediations"
      extra={
        canOpen ? (
          <Button
            icon={<TeamOutlined />}
            onClick={() => {
              setOpening(true);
            }}
            data-testid="mediation-open"
          >
            {t('mediation.ticket.open')}
          </Button>
        ) : null
      }
    >
      {resource.state === 'loading' ? <Spin /> : null}
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      {resource.state === 'ready' && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.ticket.empty')} />
      ) : null}
      {items.length > 0 ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(row) => (
            <List.Item
              className="wb-clickable"
              onClick={() => {
                void navigate(`/workbench/mediations/${row.id}`);
              }}
              data-testid="ticket-mediation"
            >
              <Space wrap>
                <span className="wb-strong">{row.number}</span>
                <MediationStatusTag status={row.status} />
                <span>{row.partiesMasked.join(t('common.list_separator'))}</span>
                <span className="wb-muted">{formatDateTime(row.openedAt)}</span>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
      {opening ? (
        <OpenMediationModal
          source={{ kind: 'ticket', id: ticket.id }}
          community={ticket.building.community}
          facts={ticket.description}
          onClose={() => {
            setOpening(false);
          }}
          onOpened={(m) => {
            void navigate(`/workbench/mediations/${m.id}`);
          }}
        />
      ) : null}
    </Card>
  );
}
