import { Link } from 'react-router';

import type { MyRequestItem } from '../../../contract/my-requests';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { kindLabel, statusLabel } from './request-labels';

interface RequestListProps {
  items: readonly MyRequestItem[];
  onLogout: () => void;
}

/** Every request of the verified phone: kind, title, state, date, and the way to its page. */
export function RequestList({ items, onLogout }: RequestListProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="r-card" data-testid="mine-list">
      <div className="r-mine-list-head">
        <h2>{t('mine.list.title', { count: items.length })}</h2>
        <button type="button" className="r-button" onClick={onLogout} data-testid="mine-logout">
          {t('mine.list.logout')}
        </button>
      </div>
      {items.length === 0 ? <p className="r-muted">{t('mine.list.empty')}</p> : null}
      <ul className="r-mine-items">
        {items.map((item) => (
          <li key={`${item.source}:${item.receiptCode}`} data-testid="mine-item">
            <p className="r-mine-item-top">
              <span className="r-tag">{kindLabel(i18n, item.source, item.kind)}</span>
              <span className="r-mine-status" data-testid="mine-item-status">
                {statusLabel(i18n, item.source, item.status)}
              </span>
            </p>
            <h3>{item.title}</h3>
            <p className="r-muted">
              {item.receiptCode} · {formatDateTime(item.createdAt)}
            </p>
            <Link to={item.followPath} className="r-button" data-testid="mine-item-open">
              {t('mine.item.open')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
