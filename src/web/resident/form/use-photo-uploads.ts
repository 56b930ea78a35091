import { useCallback, useRef, useState } from 'react';

import { MAX_PHOTOS } from '../../../contract/tickets';
import { uploadPhoto } from '../public-api';
import { makeThumbnail } from './make-thumbnail';

/** One picked photo: uploaded at once, so the submit only sends ids. */
export interface PhotoSlot {
  localId: number;
  name: string;
  thumbnail: string | null;
  status: 'uploading' | 'done' | 'failed';
  photoId: string | null;
  error: unknown;
}

export interface PhotoUploads {
  slots: readonly PhotoSlot[];
  /** How many of the picked files did not fit under the limit in the last pick. */
  skipped: number;
  add: (files: readonly File[]) => void;
  remove: (localId: number) => void;
  reset: () => void;
  uploadedIds: string[];
  pending: boolean;
}

/** Picks, thumbnails and uploads up to MAX_PHOTOS photos, each one on its own. */
export function usePhotoUploads(): PhotoUploads {
  const [slots, setSlots] = useState<PhotoSlot[]>([]);
  const [skipped, setSkipped] = useState(0);
  const nextId = useRef(1);
  const count = useRef(0);

  const patch = useCallback((localId: number, change: Partial<PhotoSlot>) => {
    setSlots((all) => all.map((s) => (s.localId === localId ? { ...s, ...change } : s)));
  }, []);

  const start = useCallback(
    (file: File, localId: number) => {
      void makeThumbnail(file).then((thumbnail) => {
        patch(localId, { thumbnail });
      });
      uploadPhoto(file).then(
        (photo) => {
          patch(localId, { status: 'done', photoId: photo.id });
        },
        (error: unknown) => {
          patch(localId, { status: 'failed', error });
        },
      );
    },
    [patch],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      const room = Math.max(0, MAX_PHOTOS - count.current);
      const taken = files.slice(0, room);
      setSkipped(files.length - taken.length);
      const created = taken.map((file) => {
        const slot: PhotoSlot = {
          localId: nextId.current++,
          name: file.name,
          thumbnail: null,
          status: 'uploading',
          photoId: null,
          error: null,
        };
        start(file, slot.localId);
        return slot;
      });
      count.current += created.length;
      setSlots((all) => [...all, ...created]);
    },
    [start],
  );

  const remove = useCallback((localId: number) => {
    count.current -= 1;
    setSkipped(0);
    setSlots((all) => all.filter((s) => s.localId !== localId));
  }, []);

  const reset = useCallback(() => {
    count.current = 0;
    setSkipped(0);
    setSlots([]);
  }, []);

  const uploadedIds = slots.flatMap((s) => (s.photoId ? [s.photoId] : []));
  const pending = slots.some((s) => s.status === 'uploading');
  return { slots, skipped, add, remove, reset, uploadedIds, pending };
}
