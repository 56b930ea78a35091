// Unit and API tests: src/**/*.test.ts. Browser tests live in e2e/ and have
// their own config (e2e/vitest.config.ts). `npm test` (scripts/test.mjs) runs
// this config twice: LINLI_TEST_DB=sqlite, then LINLI_TEST_DB=postgres.
import { configDefaults, defineConfig } from 'vitest/config';

const dialect = process.env.LINLI_TEST_DB ?? 'sqlite';
if (dialect !== 'sqlite' && dialect !== 'postgres') {
  throw new Error(`LINLI_TEST_DB must be "sqlite" or "postgres", got "${dialect}"`);
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // `*.postgres.test.ts` exercise what only PostgreSQL has (several instances on one server):
    // they belong to the postgres suite alone rather than being skipped on SQLite; in the same way
    // `*.sqlite.test.ts` (the online backup of a database file) belong to the sqlite suite alone.
    exclude: [
      ...configDefaults.exclude,
      'e2e/**',
      'dist/**',
      'test-results/**',
      dialect === 'sqlite' ? '**/*.postgres.test.ts' : '**/*.sqlite.test.ts',
    ],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // SQLite tests each get their own database, so files run in parallel.
    // PostgreSQL tests share one server/database: run files one at a time.
    fileParallelism: dialect !== 'postgres',
    env: { LINLI_TEST_DB: dialect },
  },
});
