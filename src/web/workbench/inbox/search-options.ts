import { useEffect, useState } from 'react';

/** A list loaded once for a filter's options; a failure leaves it empty rather than broken. */
export function useOptions<T>(load: (signal: AbortSignal) => Promise<T[]>): T[] | null {
  const [items, setItems] = useState<T[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(setItems, () => {
      if (!controller.signal.aborted) {
        setItems([]);
      }
    });
    return () => {
      controller.abort();
    };
  }, [load]);
  return items;
}
