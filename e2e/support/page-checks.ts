// What a person checks on any screen, as small functions the browser tests read with.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** How long a step may take to show up on screen. */
export const eventually = { timeout: 10_000, interval: 100 };

/**
 * How long a download may take to start: the server builds the PDF first, which on a machine
 * busy with other suites can take far longer than the 0.5–1 s it takes alone.
 */
export const downloadWait = { timeout: 60_000 };

/** The text of an element as a person reads it. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).trim();
}

/** Everything the page shows as text. */
export function pageText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

/**
 * How wide the page's content is in CSS pixels; wider than the screen means it scrolls sideways.
 */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
}

/** The data-testid of every button inside `container`, in order. */
export function buttonTestIds(container: Locator): Promise<string[]> {
  return container
    .locator('button[data-testid]')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid') ?? ''));
}

/** True when a planted XSS payload ran in the page (it sets window.__xss). */
export function xssRan(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined);
}

// A missing translation shows its key (`form.submit`), so any `namespace.word` text whose
// namespace is one the locale files use is an untranslated key.
const localeDir = fileURLToPath(new URL('../../src/web/locales/zh-CN/', import.meta.url));
const namespaces = [
  ...new Set(
    readdirSync(localeDir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => Object.keys(JSON.parse(readFileSync(localeDir + name, 'utf8')) as object))
      .map((k) => k.split('.')[0]),
  ),
];
const keyPattern = new RegExp(`\\b(?:${namespaces.join('|')})(?:\\.[A-Za-z0-9_]+)+\\b`, 'g');

/** Translation keys the page shows instead of text. */
export async function untranslatedKeys(page: Page): Promise<string[]> {
  return (await pageText(page)).match(keyPattern) ?? [];
}

/** One line of a JSON-lines case file, e.g. the XSS payload that contains `onerror`. */
export function caseLine(file: string, contains: string): string {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as string);
  const line = lines.find((l) => l.includes(contains));
  if (line === undefined) {
    throw new Error(`${file} has no line containing ${contains}`);
  }
  return line;
}

/**
 * Waits until every finite CSS animation and transition on the page has finished, as a person
 * waits for a dialog or a drop-down list to finish opening before clicking in it. antd's Select
 * can drop a click that lands on its list while the list is still sliding in.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const running = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  });
}
