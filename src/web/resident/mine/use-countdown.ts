import { useCallback, useEffect, useState } from 'react';

/** Seconds left until a moment, ticking once a second; 0 when it has passed or was never set. */
export function useCountdown(): { left: number; startFor: (seconds: number) => void } {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until === null) {
      return undefined;
    }
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      window.clearInterval(timer);
    };
  }, [until]);

  const startFor = useCallback((seconds: number) => {
    const at = Date.now();
    setNow(at);
    setUntil(at + seconds * 1000);
  }, []);

  const left = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  return { left, startFor };
}
