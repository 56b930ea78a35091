// Browser tests: e2e/**/*.e2e.ts, driven by playwright-core with Debian's
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Run with
//   npx vitest run --config e2e/vitest.config.ts
// Screenshots go to test-results/screenshots/ (created here, git-ignored).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const screenshotDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
mkdirSync(screenshotDir, { recursive: true });

export default defineConfig({
  root,
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // Builds dist/web when it is missing or older than src/web or src/contract.
    globalSetup: ['e2e/global-setup.ts'],
    exclude: [...configDefaults.exclude],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time on a 2-core machine; e2e files may share a server port.
    fileParallelism: false,
    env: {
      CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      LINLI_SCREENSHOT_DIR: screenshotDir,
    },
  },
});
