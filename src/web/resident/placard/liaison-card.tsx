import type { Placard } from '../../../contract/org';
import { useI18n } from '../../i18n/i18n-context';

type Liaison = Placard['liaisons'][number];

/** One liaison: name, badge number and a big button that dials the work phone. */
export function LiaisonCard({ liaison }: { liaison: Liaison }) {
  const { t } = useI18n();
  const dial = liaison.workPhone.replace(/[^\d+]/g, '');
  return (
    <li className="r-liaison">
      <div className="r-liaison-who">
        <span className="r-liaison-name">{liaison.name}</span>
        <span className="r-muted">
          {t('placard.liaison.badge')} {liaison.badgeNo}
        </span>
      </div>
      <a className="r-button r-button-call" href={`tel:${dial}`} data-testid="liaison-call">
        <span className="r-call-label">{t('placard.liaison.call')}</span>
        <span className="r-call-number">{liaison.workPhone}</span>
      </a>
    </li>
  );
}
