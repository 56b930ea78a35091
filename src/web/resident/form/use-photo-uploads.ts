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
  /** The photos that count toward MAX_PHOTOS: uploading or uploaded, not failed. */
  counted: number;
  /** How many of the picked files did not fit under the limit in the last pick. */
  skipped: number;
  add: (files: readonly File[]) => void;
  remove: (localId: number) => void;
  reset: () => void;
  uploadedIds: string[];
  pending: boolean;
}

/**
 * Picks, thumbnails and uploads up to MAX_PHOTOS photos, each one on its own. A failed upload stays
 * on screen with its error until removed, but takes no place under the limit and is not sent.
 */
export function usePhotoUploads(): PhotoUploads {
  const [slots, setSlots] = useState<PhotoSlot[]>([]);
  const [skipped, setSkipped] = useState(0);
  const nextId = useRef(1);
  // The slots that take a place under the limit, kept in step at once for picks in quick
  // succession.
  const live = useRef(new Set<number>());

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
          live.current.delete(localId);
          patch(localId, { status: 'failed', error });
        },
      );
    },
    [patch],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      const room = Math.max(0, MAX_PHOTOS - live.current.size);
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
        live.current.add(slot.localId);
        start(file, slot.localId);
        return slot;
      });
      setSlots((all) => [...all, ...created]);
    },
    [start],
  );

  const remove = useCallback((localId: number) => {
    live.current.delete(localId);
    setSkipped(0);
    setSlots((all) => all.filter((s) => s.localId !== localId));
  }, []);

  const reset = useCallback(() => {
    live.current.clear();
    setSkipped(0);
    setSlots([]);
  }, []);

  const uploadedIds = slots.flatMap((s) => (s.photoId ? [s.photoId] : []));
  const pending = slots.some((s) => s.status === 'uploading');
  const counted = slots.filter((s) => s.status !== 'failed').length;
  return { slots, counted, skipped, add, remove, reset, uploadedIds, pending };
}
