const key = 'linli.mine.verified';

/**
 * Whether this tab verified a phone, and until when: only a hint that spares a request which
 * would be refused, kept for the tab. The session itself is the httpOnly cookie, which no script
 * can read.
 */
export function rememberVerified(until: string | null): void {
  try {
    if (until) {
      window.sessionStorage.setItem(key, until);
    } else {
      window.sessionStorage.removeItem(key);
    }
  } catch {
    // Storage may be disabled in a web view; the page then asks for the code again on reload.
  }
}

/** True while the remembered session has not ended. */
export function seemsVerified(): boolean {
  try {
    const until = window.sessionStorage.getItem(key);
    return until !== null && Date.parse(until) > Date.now();
  } catch {
    return false;
  }
}
