// Chromium for browser tests: one persistent context per device (a fresh user-data-dir each), the
// page errors and console errors of every page it opens, and a screenshot of each screen.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const screenshotDir = process.env.LINLI_SCREENSHOT_DIR ?? 'test-results/screenshots';

/** The two devices of the journey: a resident's phone and an officer's desktop. */
export const devices = {
  phone: {
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  desktop: {
    viewport: { width: 1366, height: 900 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
  },
} as const;

/** A browser for one person, with what went wrong in its pages. */
export interface Device {
  context: BrowserContext;
  /** The page the browser opened with. */
  page: Page;
  /**
   * Uncaught exceptions and console errors of every page since the last call, then forgets them.
   */
  takeErrors(): string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Requests the app makes knowing they may be refused, so Chromium's "Failed to load resource"
 * console line for them is no error of the page: a favicon, the workbench asking who is signed
 * in before anyone is, and the placard code the unknown-placard step makes up.
 */
const expectedRefusals = [
  { url: /\/favicon\.ico$/, status: 404 },
  { url: /\/api\/auth\/me$/, status: 401 },
  { url: /\/api\/public\/placards\/does-not-exist$/, status: 404 },
];

function isExpectedRefusal(text: string, url: string): boolean {
  const status = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(
    text,
  )?.[1];
  return expectedRefusals.some((r) => r.url.test(url) && String(r.status) === status);
}

function watch(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => {
    errors.push(`pageerror on ${page.url()}: ${error.message}`);
  });
  page.on('console', (message) => {
    const source = message.location().url;
    if (message.type() === 'error' && !isExpectedRefusal(message.text(), source)) {
      errors.push(`console error on ${page.url()}: ${message.text()} (${source})`);
    }
  });
}

/**
 * Launches Chromium as the given device, in Chinese, with a fresh profile. The device keeps the
 * machine's time zone: the interface must show Shanghai time whatever the device's zone is.
 */
export async function openDevice(kind: keyof typeof devices): Promise<Device> {
  const profile = mkdtempSync(path.join(tmpdir(), 'pw-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    args: launchArgs,
    ...devices[kind],
  });
  context.setDefaultTimeout(10_000);
  const errors: string[] = [];
  context.on('page', (page) => {
    watch(page, errors);
  });
  // The page Chromium opens with existed before the listener; a new one is watched by it.
  const first = context.pages()[0];
  if (first) {
    watch(first, errors);
  }
  const page = first ?? (await context.newPage());
  return {
    context,
    page,
    takeErrors: () => errors.splice(0),
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot of what the person sees now, e.g. `01-placard-mobile.png`: the whole page
 * from its top (so a sticky header stays where it belongs), or with `fullPage: false` just the
 * screen, for a dialog over the page.
 */
export async function keepScreenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  if (fullPage) {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
  }
  await page.screenshot({ path: path.join(screenshotDir, name), fullPage, animations: 'disabled' });
}
