import { useEffect, useState } from 'react';

import type { BuildingChoice, FieldPlaces } from '../../../contract/visits';
import { useStaffResource } from '../auth/use-staff-resource';
import { fetchBuildings, fetchFieldPlaces } from './visits-api';

/** The communities, liaisons and officers the signed-in officer's forms offer. */
export function useFieldPlaces() {
  return useStaffResource<FieldPlaces>('field-places', (signal) => fetchFieldPlaces(signal));
}

/** The live buildings of the chosen community; empty while none is chosen or they load. */
export function useBuildings(communityId: string | undefined): BuildingChoice[] {
  const [loaded, setLoaded] = useState<{ id: string; items: BuildingChoice[] } | null>(null);
  useEffect(() => {
    if (!communityId) {
      return;
    }
    const controller = new AbortController();
    fetchBuildings(communityId, controller.signal).then(
      (items) => {
        setLoaded({ id: communityId, items });
      },
      () => {
        if (!controller.signal.aborted) {
          setLoaded({ id: communityId, items: [] });
        }
      },
    );
    return () => {
      controller.abort();
    };
  }, [communityId]);
  return loaded && loaded.id === communityId ? loaded.items : [];
}
