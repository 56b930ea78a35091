import { useCallback, useRef, useState } from 'react';

import { uploadPhoto } from '../public-api';

/** One file picked for a checklist item, uploaded at once through the photo pipeline. */
export interface MaterialSlot {
  localId: number;
  item: string;
  name: string;
  status: 'uploading' | 'done' | 'failed';
  photoId: string | null;
  error: unknown;
}

/** The picked files of a checklist, and the uploads to send with the form. */
export interface MaterialUploads {
  slots: readonly MaterialSlot[];
  add: (item: string, files: readonly File[]) => void;
  remove: (localId: number) => void;
  uploaded: { item: string; photoId: string }[];
  pending: boolean;
}

/** Uploads each picked scan or photo of a material as soon as it is picked. */
export function useMaterialUploads(): MaterialUploads {
  const [slots, setSlots] = useState<MaterialSlot[]>([]);
  const nextId = useRef(1);

  const patch = useCallback((localId: number, change: Partial<MaterialSlot>) => {
    setSlots((all) => all.map((s) => (s.localId === localId ? { ...s, ...change } : s)));
  }, []);

  const add = useCallback(
    (item: string, files: readonly File[]) => {
      const created = files.map((file) => {
        const slot: MaterialSlot = {
          localId: nextId.current++,
          item,
          name: file.name,
          status: 'uploading',
          photoId: null,
          error: null,
        };
        uploadPhoto(file).then(
          (photo) => {
            patch(slot.localId, { status: 'done', photoId: photo.id });
          },
          (error: unknown) => {
            patch(slot.localId, { status: 'failed', error });
          },
        );
        return slot;
      });
      setSlots((all) => [...all, ...created]);
    },
    [patch],
  );

  const remove = useCallback((localId: number) => {
    setSlots((all) => all.filter((s) => s.localId !== localId));
  }, []);

  const uploaded = slots.flatMap((s) => (s.photoId ? [{ item: s.item, photoId: s.photoId }] : []));
  return { slots, add, remove, uploaded, pending: slots.some((s) => s.status === 'uploading') };
}
