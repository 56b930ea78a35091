import type { Receipt } from '../../../contract/tickets';

const prefix = 'linli.receipt.';

/**
 * The last receipt of this placard, kept for the browser tab only: an accidental reload must not
 * lose the private follow link, which cannot be sent again. Closing the tab forgets it.
 */
export function rememberReceipt(token: string, receipt: Receipt | null): void {
  try {
    if (receipt) {
      window.sessionStorage.setItem(prefix + token, JSON.stringify(receipt));
    } else {
      window.sessionStorage.removeItem(prefix + token);
    }
  } catch {
    // Storage may be disabled in a web view; the receipt then lives as long as the page.
  }
}

/** The receipt remembered for this placard in this tab, if any. */
export function recallReceipt(token: string): Receipt | null {
  try {
    const stored = window.sessionStorage.getItem(prefix + token);
    return stored ? (JSON.parse(stored) as Receipt) : null;
  } catch {
    return null;
  }
}

/** Every receipt remembered in this tab, newest first (read by "my requests", /mine). */
export function listRememberedReceipts(): Receipt[] {
  const found: Receipt[] = [];
  try {
    for (let i = 0; i < window.sessionStorage.length; i += 1) {
      const key = window.sessionStorage.key(i);
      const stored = key?.startsWith(prefix) ? window.sessionStorage.getItem(key) : null;
      if (stored) {
        found.push(JSON.parse(stored) as Receipt);
      }
    }
  } catch {
    return found;
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
