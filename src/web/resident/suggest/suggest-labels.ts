import type { PublicCampaign } from '../../../contract/suggestions';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';

/** The Shanghai date of an instant, 2025/10/14. */
export function formatDay(iso: string): string {
  return formatDateTime(iso).slice(0, 10);
}

/** A calendar date 2025-10-14 as the pages write it, 2025/10/14. */
export function formatCalendarDate(date: string): string {
  return date.replaceAll('-', '/');
}

/** The channels of a campaign in words, joined. */
export function channelList(t: Translate, campaign: PublicCampaign): string {
  return campaign.channels.map((c) => t(`suggest.channel.${c}`)).join(t('suggest.list_separator'));
}
