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

/** Channels whose first step says where the ticket was found (a visit, a meeting, a patrol). */
const foundChannels = new Set(['visit', 'meeting', 'patrol']);

/**
 * The full history of the ticket, oldest first; with `channel`, the filing step of a ticket found
 * in the field says where it was found.
 */
export function StaffTimeline(props: { timeline: readonly TimelineEntry[]; channel?: string }) {
  const { timeline, channel } = props;
  const i18n = useI18n();
  const origin = channel && foundChannels.has(channel) ? i18n.t(`ticket.channel.${channel}`) : null;
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
            {origin && entry.type === 'submitted' ? (
              <div data-testid="timeline-origin">{origin}</div>
            ) : null}
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
