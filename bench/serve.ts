// The benchmark's server process: the real app and the baseline on the generated database, apart
// from the load generator so the two do not share one event loop. Prints their addresses as one
// JSON line; runs until it is killed.
import { openPostgres, openSqlite } from '../src/server/db/database.js';
import { startBaseline, startProduct, type BenchDatabase } from './servers.js';

const database = JSON.parse(process.argv[2] ?? '{}') as BenchDatabase;
const now = new Date(process.argv[3] ?? '');
const handle = database.kind === 'sqlite' ? openSqlite(database.file) : openPostgres(database.url);
const product = await startProduct(handle, now);
const baseline = await startBaseline(database);
process.stdout.write(`${JSON.stringify({ product: product.url, baseline: baseline.url })}\n`);
