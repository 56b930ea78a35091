import { ApiError } from '../../shared/api-error';

/**
 * The ticket changed under the officer (someone else took a step): the page shows why and loads
 * the ticket again, so the buttons match its new state.
 */
export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'state_conflict' || error.code === 'transition_refused')
  );
}
