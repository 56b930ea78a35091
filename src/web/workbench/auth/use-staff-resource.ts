import { useEffect } from 'react';

import { useResource, type ResourceHandle } from '../../shared/use-resource';
import { isUnauthenticated, useAuth } from './auth-context';

/** useResource for staff data: a lapsed session sends the officer back to the login page. */
export function useStaffResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): ResourceHandle<T> {
  const handle = useResource(key, load);
  const { expire } = useAuth();
  const { resource } = handle;

  useEffect(() => {
    if (resource.state === 'failed' && isUnauthenticated(resource.error)) {
      expire();
    }
  }, [resource, expire]);

  return handle;
}
