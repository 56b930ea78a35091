import { Card, List, Typography } from 'antd';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';

/**
 * The notes Open311 partner systems pushed to a request they filed, oldest first, each with the
 * partner and the time; shown only when there are some (docs/open311.md).
 */
export function PartnerNotesCard({ ticket }: { ticket: StaffTicket }) {
  const { t } = useI18n();
  const notes = ticket.partnerNotes ?? [];
  if (notes.length === 0) {
    return null;
  }
  return (
    <Card title={t('open311.notes.title')} size="small" data-testid="partner-notes">
      <List
        size="small"
        dataSource={notes}
        renderItem={(note) => (
          <List.Item key={note.id} data-testid={`partner-note-${note.id}`}>
            <div>
              <div className="wb-muted">
                {t('open311.notes.from', { partner: note.partner, at: formatDateTime(note.at) })}
              </div>
              <Typography.Paragraph className="wb-pre">{note.text}</Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
