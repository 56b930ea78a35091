// The random key that lets this browser answer each survey once, without saying who answers.
const KEY = 'linli.survey.device';
const ANSWERED = 'linli.survey.answered.';

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** This browser's device key, made up and kept in localStorage on first use. */
export function deviceKey(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && /^[A-Za-z0-9_-]{16,128}$/.test(kept)) {
      return kept;
    }
    const fresh = randomKey();
    localStorage.setItem(KEY, fresh);
    return fresh;
  } catch {
    // Private mode without storage: a key for this page only.
    return randomKey();
  }
}

/** Whether this browser has answered a campaign. */
export function hasAnswered(campaignId: string): boolean {
  try {
    return localStorage.getItem(ANSWERED + campaignId) === '1';
  } catch {
    return false;
  }
}

/** Remembers that this browser answered a campaign. */
export function markAnswered(campaignId: string): void {
  try {
    localStorage.setItem(ANSWERED + campaignId, '1');
  } catch {
    // Nothing to keep: the server refuses a second answer anyway.
  }
}
