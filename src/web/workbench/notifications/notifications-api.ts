import type { NotificationList, OutboxStatus } from '../../../contract/notifications';
import { apiGet } from '../../shared/api-client';

/** The status filter of the notification list: everything, or one status. */
export type NotificationFilter = 'all' | OutboxStatus;

/** One page of queued messages, newest first, as the server orders them. */
export function fetchNotifications(
  filter: NotificationFilter,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) {
  const query = new URLSearchParams({
    status: filter,
    page: String(page),
    pageSize: String(pageSize),
  });
  return apiGet<NotificationList>(`/api/staff/notifications?${query.toString()}`, signal);
}
