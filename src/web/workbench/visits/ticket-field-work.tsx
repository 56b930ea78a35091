import { Alert } from 'antd';
import { Link } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { fetchTicketFieldWork } from './visits-api';

/**
 * On a ticket's page: the visit that found it and the meetings that raised or settled it, each a
 * link when the officer may open it. Nothing shows for a ticket no field work touched.
 */
export function TicketFieldWorkBox({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const { resource } = useStaffResource(`field-work/${ticketId}`, (signal) =>
    fetchTicketFieldWork(ticketId, signal),
  );
  if (resource.state !== 'ready') {
    return null;
  }
  const { visits, meetings } = resource.data;
  if (visits.length === 0 && meetings.length === 0) {
    return null;
  }
  const lines = [
    ...visits.map((v) => {
      const text = t('fieldwork.ticket.found_on_visit', {
        date: v.date,
        community: v.community,
        liaison: v.liaison.name,
      });
      return { key: `visit-${v.id}`, text, to: v.canOpen ? `/workbench/visits/${v.id}` : null };
    }),
    ...meetings.map((m) => {
      const text = t(`fieldwork.ticket.meeting_${m.link}`, {
        date: m.date,
        kind: t(`meeting.kind.${m.kind}`),
        topic: m.topic,
      });
      return { key: `meeting-${m.id}`, text, to: m.canOpen ? `/workbench/meetings/${m.id}` : null };
    }),
  ];
  return (
    <Alert
      type="info"
      showIcon
      className="wb-gap-top"
      data-testid="ticket-field-work"
      title={t('fieldwork.ticket.title')}
      description={
        <ul className="wb-issue-list">
          {lines.map((line) => (
            <li key={line.key} data-testid="ticket-field-work-line">
              {line.to ? <Link to={line.to}>{line.text}</Link> : line.text}
            </li>
          ))}
        </ul>
      }
    />
  );
}
