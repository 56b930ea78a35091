import type { ServicePath } from '../../../domain/service-path';
import { useI18n } from '../../i18n/i18n-context';
import { linkLabel } from './service-path-diagram';

/** The service path in words, state by state: the same data as the diagram, for reading aloud. */
export function ServicePathSteps({ path }: { path: ServicePath }) {
  const { t } = useI18n();
  return (
    <ol className="g-steps" data-testid="service-path-steps">
      {path.statuses.map((s) => {
        const out = path.links.filter((link) => link.from === s.status);
        return (
          <li key={s.status}>
            <strong>{t(`ticket.status.${s.status}`)}</strong>
            {s.final ? <span className="g-final">{t('guide.path.final')}</span> : null}
            {out.length > 0 ? (
              <ul>
                {out.map((link) => (
                  <li key={link.to}>
                    {t('guide.path.step', {
                      actions: linkLabel(t, link),
                      status: t(`ticket.status.${link.to}`),
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
            {s.stays.length > 0 ? (
              <p className="r-muted">
                {t('guide.path.stays', {
                  actions: s.stays.map((action) => t(`ticket.action.${action}`)).join('、'),
                })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
