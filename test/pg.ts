// PostgreSQL helpers for tests that run with LINLI_TEST_DB=postgres.
import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL URL tests use: env TEST_DATABASE_URL, else the local default. */
export function pgTestUrl(): string {
  const url = process.env.TEST_DATABASE_URL?.trim();
  return url ? url : DEFAULT_TEST_DATABASE_URL;
}

/** True if a PostgreSQL server accepts a connection at `url` within 2 s; false on any error. */
export async function pgAvailable(url: string = pgTestUrl()): Promise<boolean> {
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => {}); // a late socket error must not crash the test process
    const c = client;
    const attempt = (async () => {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    })();
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, 2500);
    });
    attempt.catch(() => {});
    return await Promise.race([attempt, timeout]);
  } catch {
    return false;
  } finally {
    if (timer) {
      clearTimeout(timer);
    }
    await client?.end().catch(() => {});
  }
}
