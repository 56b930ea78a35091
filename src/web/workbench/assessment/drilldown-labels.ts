// The words of a drill-down record: status, tier, channel, rating and outcome as the labels of
// the locale files, never as codes; instants in Asia/Shanghai.
import type { DrilldownRecord } from '../../../contract/assessment';
import type { Translate } from '../../i18n/translate';

/** The detail keys whose values are codes of the ticket vocabulary, with their label prefix. */
const codeLabels: Readonly<Record<string, string>> = {
  tier: 'ticket.tier.',
  rating: 'ticket.rating.',
  outcome: 'ticket.outcome.',
};

/** The label of a ticket's channel; a department's clue names the department's code. */
export function channelLabel(t: Translate, channel: string): string {
  return channel.startsWith('dept:')
    ? t('ticket.channel.department', { code: channel.slice(5) })
    : t(`ticket.channel.${channel}`);
}

/** The label of a record's status: a ticket's or a case's; a dash when it has none. */
export function statusLabel(t: Translate, r: Pick<DrilldownRecord, 'kind' | 'status'>): string {
  if (r.status === null) {
    return '—';
  }
  return r.kind === 'case' ? t(`case.status.${r.status}`) : t(`ticket.status.${r.status}`);
}

/** One detail of a record as people read it: a label for a code, a local time for an instant. */
export function detailText(
  t: Translate,
  key: string,
  value: string | null,
  formatInstant: (instant: Date) => string,
): string {
  if (value === null) {
    return '—';
  }
  if (key === 'channel') {
    return channelLabel(t, value);
  }
  const prefix = codeLabels[key];
  if (prefix) {
    return t(`${prefix}${value}`);
  }
  return /T/.test(value) ? formatInstant(new Date(value)) : value;
}
