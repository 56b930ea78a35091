import { Card, Empty, Tag, Timeline } from 'antd';

import type { Mediation } from '../../../contract/mediation-views';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';

/** The sessions held, oldest first: when, where, who attended, what was said. */
export function MediationSessions({ mediation: m }: { mediation: Mediation }) {
  const { t } = useI18n();
  const separator = t('common.list_separator');
  const attendeesOf = (s: Mediation['sessions'][number]) =>
    [
      ...s.attendees.parties.map((i) => m.parties[i]?.nameMasked ?? ''),
      ...s.attendees.mediators.map((i) => m.mediators[i]?.name ?? ''),
      ...(s.attendees.others ? [s.attendees.others] : []),
    ].join(separator);
  return (
    <Card title={t('mediation.sessions.title')} size="small" data-testid="mediation-sessions">
      {m.sessions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.sessions.empty')} />
      ) : (
        <Timeline
          items={m.sessions.map((s) => ({
            key: s.id,
            content: (
              <div data-testid="mediation-session">
                <div className="wb-strong">
                  {t('mediation.sessions.when_where', {
                    at: formatDateTime(s.heldAt),
                    place: s.place,
                  })}{' '}
                  <Tag>
                    {t(
                      s.publicSession ? 'mediation.sessions.public' : 'mediation.sessions.private',
                    )}
                  </Tag>
                </div>
                <div className="wb-muted">
                  {t('mediation.sessions.attendees', { names: attendeesOf(s) })}
                </div>
                <div className="wb-pre">{s.notes}</div>
                <div className="wb-muted">
                  {t('mediation.sessions.recorded_by', {
                    name: s.recordedBy.name,
                    at: formatDateTime(s.recordedAt),
                  })}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
