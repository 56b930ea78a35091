// The browsable API docs in Chromium: /api/docs renders under the app's own content security
// policy (any violation is a console error, and the test fails on those), and the resident's
// request submission opens with its body and its answers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, openDevice, type Device } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/server.js';

let server: E2eServer;
let device: Device;

beforeAll(async () => {
  server = await startE2eServer();
  device = await openDevice('desktop');
});

afterEach(() => {
  expect(device.takeErrors(), 'page errors and console errors').toEqual([]);
});

afterAll(async () => {
  await device.close();
  await server.close();
});

describe('the API docs page', () => {
  it('renders the operations of the document and opens one', async () => {
    const page = device.page;
    const response = await page.goto(`${server.baseUrl}/api/docs`);
    expect(response?.status()).toBe(200);
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('Linli 邻里 API');

    // The page breaks paths with zero-width spaces, so an operation is found by its data-path.
    const path = page.locator('[data-path="/api/public/tickets"]');
    const submit = page.locator('.swagger-ui .opblock-post', { has: path });
    await submit.waitFor();
    expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(10);

    await submit.locator('.opblock-summary').click();
    await submit.locator('.responses-table').waitFor();
    const opened = await submit.innerText();
    expect(opened).toContain('placardToken');
    expect(opened).toContain('201');
    expect(opened).toContain('422');
    await keepScreenshot(page, 'api-docs-01-desktop.png', { fullPage: false });

    // The page draws operations as it scrolls: the last tags (Open311, the city platform) appear.
    const open311 = page.locator('.opblock-tag[data-tag="open311"]');
    for (let i = 0; i < 120 && !(await open311.count()); i++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(100);
    }
    await open311.waitFor();
    expect(await page.locator('.opblock-tag[data-tag="integrations"]').count()).toBe(1);
  });
});
