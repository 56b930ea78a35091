import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';

import { useMe } from '../auth/auth-context';
import { msToNextMinute, watermarkGrid, watermarkText } from './watermark-text';
import './watermark.css';

/** The current time, renewed at every full minute, on return to the tab and before printing. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer = 0;
    const tick = () => {
      setNow(new Date());
      window.clearTimeout(timer);
      timer = window.setTimeout(tick, msToNextMinute(Date.now()));
    };
    timer = window.setTimeout(tick, msToNextMinute(Date.now()));
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        tick();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('beforeprint', tick);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('beforeprint', tick);
    };
  }, []);
  return now;
}

function viewport() {
  return { width: window.innerWidth, height: window.innerHeight };
}

/** The viewport size, followed on resize. */
function useViewport() {
  const [size, setSize] = useState(viewport);
  useEffect(() => {
    const onResize = () => {
      setSize(viewport());
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
    };
  }, []);
  return size;
}

/**
 * A faint, repeated, diagonal watermark over the whole screen with the viewer's name, badge
 * number and the time, on every screen that shows a ticket, so that a screenshot or a printout
 * names its source (docs/sources.md §5). It takes no clicks (`pointer-events: none`), is drawn
 * with CSS (the text sits in `::before`, so it is not part of the page's text or a copy), and is
 * printed too. Rendered into <body>, so no container can clip it.
 */
export function Watermark() {
  const me = useMe();
  const now = useMinuteClock();
  const { width, height } = useViewport();
  const text = watermarkText(me, now);
  const { rows, cols } = watermarkGrid(width, height);
  const tiles = Array.from({ length: cols }, (_, col) => col);
  return createPortal(
    <div className="wb-watermark" data-testid="watermark" data-text={text} aria-hidden="true">
      <div className="wb-watermark-grid">
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className={row % 2 === 1 ? 'wb-watermark-row odd' : 'wb-watermark-row'}>
            {tiles.map((col) => (
              <span key={col} data-text={text} />
            ))}
          </div>
        ))}
      </div>
    </div>,
    document.body,
  );
}
