// The elder-friendly mode (长辈模式, 适老化): larger text and tap targets, stronger contrast and
// less on each page, chosen by a switch in the resident header and remembered on the device. It
// is an attribute on <html> that resident.css reads, set before the first paint (src/web/main.tsx).

const storageKey = 'linli.elder';
const attribute = 'data-elder';

/** Whether the device remembers the elder mode as on. */
export function storedElderMode(): boolean {
  try {
    return window.localStorage.getItem(storageKey) === 'on';
  } catch {
    // Some web views forbid storage; the mode then lasts for the page only.
    return false;
  }
}

/** Applies the mode to the page: `<html data-elder="on">`, or no attribute. */
export function applyElderMode(on: boolean): void {
  if (on) {
    document.documentElement.setAttribute(attribute, 'on');
  } else {
    document.documentElement.removeAttribute(attribute);
  }
}

/** Applies the mode and remembers it on this device. */
export function setElderMode(on: boolean): void {
  applyElderMode(on);
  try {
    window.localStorage.setItem(storageKey, on ? 'on' : 'off');
  } catch {
    // Storage may be disabled; the mode still applies to this page.
  }
}

/** Whether the page shows the elder mode now. */
export function elderModeShown(): boolean {
  return document.documentElement.getAttribute(attribute) === 'on';
}
