import { Timeline, Typography } from 'antd';

import type { TimelineEntry } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { timelineActor, timelineFacts, timelineTitle } from '../../shared/timeline-labels';

const colors: Record<string, string> = {
  declined: 'red',
  resolved: 'green',
  rated: 'green',
  supervised: 'red',
  extension_refused: 'red',
  escalated: 'orange',
  sent_back: 'orange',
  reopened: 'orange',
  moved_to_case: 'purple',
  closed_unrated: 'gray',
};

/** The full history of the ticket, oldest first. */
export function StaffTimeline({ timeline }: { timeline: readonly TimelineEntry[] }) {
  const i18n = useI18n();
  return (
    <Timeline
      data-testid="staff-timeline"
      items={timeline.map((entry) => ({
        key: entry.seq,
        color: colors[entry.type] ?? 'blue',
        content: (
          <div data-testid="timeline-entry" data-type={entry.type}>
            <Typography.Text strong>{timelineTitle(i18n, entry)}</Typography.Text>
            <div className="wb-muted">
              {i18n.t('timeline.by_at', {
                actor: timelineActor(i18n, entry),
                at: formatDateTime(entry.at),
              })}
            </div>
            {timelineFacts(i18n, entry).map((fact) => (
              <div key={fact}>{fact}</div>
            ))}
            {entry.note ? (
              <Typography.Paragraph className="wb-pre wb-note">{entry.note}</Typography.Paragraph>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
