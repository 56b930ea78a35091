import type { TimelineItem } from '../../../contract/buildings';
import type { Translate } from '../../i18n/translate';

/** The label of a state or detail code, by the kind of record it belongs to. */
const stateKeys: Partial<Record<TimelineItem['kind'], string>> = {
  ticket_filed: 'ticket.status.',
  ticket_resolved: 'ticket.status.',
  ticket_closed: 'ticket.status.',
  case_registered: 'case.status.',
  case_decided: 'case.status.',
  case_closed: 'case.status.',
  case_cancelled: 'case.status.',
  mediation_opened: 'mediation.status.',
  mediation_concluded: 'mediation.status.',
  placard_checked: 'placards.check.result.',
  reinspection_scheduled: 'buildings.reinspection.state.',
  reinspection_done: 'buildings.reinspection.result.',
  meeting: 'buildings.meeting_link.',
};

function detailLabel(t: Translate, item: TimelineItem): string | null {
  const d = item.detail;
  if (!d) {
    return null;
  }
  switch (item.kind) {
    case 'ticket_filed':
      return d.startsWith('dept:')
        ? t('ticket.channel.department', { code: d.slice(5) })
        : t(`ticket.channel.${d}`);
    case 'ticket_resolved':
      return t(`ticket.outcome.${d}`);
    case 'case_decided':
    case 'case_closed':
      return t(`case.decision_kind.${d}`);
    case 'mediation_concluded':
      return t(`mediation.outcome.${d}`);
    case 'meeting':
      return t(`meeting.kind.${d}`);
    default:
      return null;
  }
}

/** What one timeline item says: its sentence, and the tags of its state and details. */
export function timelineText(t: Translate, item: TimelineItem, locale: string) {
  const matter = item.matter ? (locale === 'en' ? item.matter.nameEn : item.matter.name) : '';
  const title = t(`buildings.timeline.${item.kind}`, {
    code: item.code ?? '',
    day: item.day ?? '',
    matter,
  });
  const prefix = stateKeys[item.kind];
  const tags = [
    prefix && item.state ? t(`${prefix}${item.state}`) : null,
    detailLabel(t, item),
  ].filter((tag): tag is string => tag !== null);
  return { title, tags };
}

/** The workbench page a timeline item opens, where one exists. */
export function timelineHref(
  item: TimelineItem,
  place: { streetCode: string; communityCode: string },
): string | null {
  const id = encodeURIComponent(item.link.id);
  switch (item.link.type) {
    case 'ticket':
      return `/workbench/tickets/${id}`;
    case 'case':
      return `/workbench/cases/${id}`;
    case 'visit':
      return `/workbench/visits/${id}`;
    case 'meeting':
      return `/workbench/meetings/${id}`;
    case 'mediation':
      return `/workbench/mediations/${id}`;
    case 'placard': {
      const query = new URLSearchParams({
        street: place.streetCode,
        community: place.communityCode,
      });
      return `/workbench/placards?${query.toString()}`;
    }
    default:
      return null;
  }
}
