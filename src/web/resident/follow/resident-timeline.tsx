import type { TimelineEntry } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { timelineActor, timelineFacts, timelineTitle } from '../../shared/timeline-labels';

/** Every step of the ticket, newest last: what, who, when and the note. */
export function ResidentTimeline({ timeline }: { timeline: readonly TimelineEntry[] }) {
  const i18n = useI18n();
  return (
    <section className="r-card" data-testid="follow-timeline">
      <h2>{i18n.t('follow.timeline')}</h2>
      <ol className="r-timeline">
        {timeline.map((entry) => (
          <li key={entry.seq} data-testid="timeline-entry" data-type={entry.type}>
            <p className="r-timeline-title">{timelineTitle(i18n, entry)}</p>
            <p className="r-muted">
              {i18n.t('timeline.by_at', {
                actor: timelineActor(i18n, entry),
                at: formatDateTime(entry.at),
              })}
            </p>
            {timelineFacts(i18n, entry).map((fact) => (
              <p key={fact} className="r-timeline-fact">
                {fact}
              </p>
            ))}
            {entry.note ? <p className="r-pre r-timeline-note">{entry.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
