import type { MyRequestSource } from '../../../contract/my-requests';
import type { I18n } from '../../i18n/i18n-context';

/** Where each source's own status codes are labelled in the locale files. */
const statusPrefixes: Record<MyRequestSource, string> = {
  ticket: 'ticket.status.',
  suggestion: 'suggest.state.',
  credit_repair: 'credit.status_value.',
};

/** The request's state in words; a code the locale files do not know yet reads neutrally. */
export function statusLabel(
  i18n: Pick<I18n, 't' | 'has'>,
  source: MyRequestSource,
  status: string,
): string {
  const key = `${statusPrefixes[source]}${status}`;
  return i18n.has(key) ? i18n.t(key) : i18n.t('mine.status.other');
}

/** What kind of request it is: a ticket's kind (投诉, 咨询, …), or the source itself. */
export function kindLabel(
  i18n: Pick<I18n, 't' | 'has'>,
  source: MyRequestSource,
  kind: string,
): string {
  const key = source === 'ticket' ? `ticket.kind.${kind}` : `mine.source.${source}`;
  return i18n.has(key) ? i18n.t(key) : i18n.t(`mine.source.${source}`);
}
