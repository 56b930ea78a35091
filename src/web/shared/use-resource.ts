import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: unknown };

export interface ResourceHandle<T> {
  resource: Resource<T>;
  /** Fetches again, keeping the current data on screen until the answer arrives. */
  reload: () => void;
  /** Replaces the data with a fresher copy the server already returned. */
  replace: (data: T) => void;
}

interface Entry<T> {
  key: string;
  resource: Resource<T>;
}

/** Loads one thing on mount and whenever `key` changes; an answer for an older key is dropped. */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): ResourceHandle<T> {
  const [entry, setEntry] = useState<Entry<T>>({ key, resource: { state: 'loading' } });
  const [round, setRound] = useState(0);

  // `load` is recreated on each render; `key` names what it loads, so only key and round count.
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        setEntry({ key, resource: { state: 'ready', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setEntry({ key, resource: { state: 'failed', error } });
        }
      },
    );
    return () => {
      controller.abort();
    };
  }, [key, round]);

  const reload = useCallback(() => {
    setRound((r) => r + 1);
  }, []);
  const replace = useCallback(
    (data: T) => {
      setEntry({ key, resource: { state: 'ready', data } });
    },
    [key],
  );
  const resource: Resource<T> = entry.key === key ? entry.resource : { state: 'loading' };
  return { resource, reload, replace };
}
