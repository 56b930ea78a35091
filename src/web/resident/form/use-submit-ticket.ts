import { useCallback, useRef, useState } from 'react';

import type { Receipt, SubmitTicket } from '../../../contract/tickets';
import { randomUuid } from '../../shared/random-uuid';
import { submitTicket } from '../public-api';

interface Attempt {
  payload: string;
  key: string;
}

export interface SubmitState {
  submitting: boolean;
  error: unknown;
  submit: (body: SubmitTicket) => Promise<Receipt | null>;
}

/**
 * Sends the ticket with an Idempotency-Key. The key belongs to one payload: a retry of the same
 * content (a double tap, a lost answer) reuses it and gets the same ticket back; changed content
 * is a new submission with a new key.
 */
export function useSubmitTicket(): SubmitState {
  const attempt = useRef<Attempt | null>(null);
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = useCallback(async (body: SubmitTicket) => {
    if (inFlight.current) {
      return null;
    }
    const payload = JSON.stringify(body);
    if (attempt.current?.payload !== payload) {
      attempt.current = { payload, key: randomUuid() };
    }
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    try {
      return await submitTicket(body, attempt.current.key);
    } catch (failure) {
      setError(failure);
      return null;
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }, []);

  return { submitting, error, submit };
}
