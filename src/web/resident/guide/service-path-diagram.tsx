import { useEffect, useMemo, useRef } from 'react';

import { layoutServicePath, type PlacedLink } from '../../../domain/service-path-layout';
import type { ServicePath, ServicePathLink } from '../../../domain/service-path';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';

/** The label of an arrow: its actions, as the workbench buttons name them. */
export function linkLabel(t: Translate, link: ServicePathLink): string {
  return link.actions.map((action) => t(`ticket.action.${action}`)).join(' / ');
}

/** Roughly how wide a label is at 13 units: a Chinese character is square, Latin is narrower. */
function labelWidth(text: string): number {
  return [...text].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 13 : 7), 0);
}

function Arrow({ link, label }: { link: PlacedLink; label: string }) {
  return (
    <g className="g-path-link" data-testid="service-path-link">
      <path d={link.d} markerEnd="url(#g-path-arrow)" />
      <text x={link.label.x} y={link.label.y} textAnchor={link.label.anchor}>
        {label}
      </text>
    </g>
  );
}

/**
 * The service path (annex 1 of the implementation measures) drawn from the ticket machine: a box
 * per state, an arrow per
 * step between states. Wider than a phone, so it scrolls sideways inside its frame.
 */
export function ServicePathDiagram({ path }: { path: ServicePath }) {
  const { t } = useI18n();
  const layout = useMemo(
    () => layoutServicePath(path, { labelWidth: (link) => labelWidth(linkLabel(t, link)) }),
    [path, t],
  );
  const { width, height, box } = layout;
  const frame = useRef<HTMLDivElement>(null);
  // The main line runs down the middle: a phone shows it first, the side lanes a swipe away.
  useEffect(() => {
    const el = frame.current;
    if (el) {
      el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2;
    }
  }, [width]);
  return (
    <div
      ref={frame}
      className="g-path-frame"
      role="region"
      tabIndex={0}
      aria-label={t('guide.path.scroll')}
      data-testid="service-path"
    >
      <svg
        className="g-path-svg"
        role="img"
        aria-labelledby="g-path-title g-path-desc"
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        style={{ width: `${String(width / 16)}rem` }}
      >
        <title id="g-path-title">{t('guide.path.title')}</title>
        <desc id="g-path-desc">{t('guide.path.desc')}</desc>
        <defs>
          <marker
            id="g-path-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="g-path-arrowhead" />
          </marker>
        </defs>
        {layout.links.map((link) => (
          <Arrow key={`${link.from}-${link.to}`} link={link} label={linkLabel(t, link)} />
        ))}
        {layout.statuses.map((s) => (
          <g
            key={s.status}
            className={s.final ? 'g-path-state g-path-final' : 'g-path-state'}
            data-testid={`service-path-${s.status}`}
          >
            <rect x={s.x} y={s.y} width={box.width} height={box.height} rx="8" />
            <text x={s.x + box.width / 2} y={s.y + box.height / 2 + 5} textAnchor="middle">
              {t(`ticket.status.${s.status}`)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
