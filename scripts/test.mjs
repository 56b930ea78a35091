#!/usr/bin/env node
// `npm test`: runs Linli's three test suites in order, each as a child vitest
// process, and closes with ONE line `total: N passed, N failed, N skipped`.
//
//   1. sqlite    LINLI_TEST_DB=sqlite   vitest run           (always)
//   2. postgres  LINLI_TEST_DB=postgres vitest run           (if PostgreSQL answers at
//                                                             TEST_DATABASE_URL)
//   3. browser   vitest run --config e2e/vitest.config.ts    (if Chromium exists and
//                                                             e2e/**/*.e2e.ts exist)
//
// A suite that cannot run (no PostgreSQL, no Chromium) is skipped with a plain
// message, except under CI=true, where it is a failure. Extra arguments
// (`npm test -- src/domain -t login`) go to suites 1 and 2; the browser suite
// runs only when an argument names e2e (`npm test -- e2e/login`).
// Exit code 0 only if at least one suite ran, and every suite that ran passed
// and ran at least one test. See docs/testing.md.
import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const PG_URL = process.env.TEST_DATABASE_URL?.trim() || DEFAULT_PG_URL;
const CHROMIUM = process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
const CI = !['', '0', 'false', 'no'].includes((process.env.CI ?? '').trim().toLowerCase());
const started = Date.now();

/** Hide a password in a connection URL before printing it. */
function safeUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) {
      u.password = '***';
    }
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

// ---------------------------------------------------------------- arguments
// vitest options that take a separate value (`-t name`); `--opt=value` needs no entry.
const VALUE_OPTIONS = new Set([
  '-t',
  '--testNamePattern',
  '--project',
  '--shard',
  '--retry',
  '--bail',
  '--maxWorkers',
  '--exclude',
  '--dir',
  '--seed',
  '--sequence.seed',
  '--environment',
  '--pool',
  '--testTimeout',
  '--hookTimeout',
  '--maxConcurrency',
]);
const FORBIDDEN_OPTIONS = /^--(reporter|outputFile|config|watch|ui)\b|^-[wc]$/;
const namesE2e = (a) => /(^|[\\/])e2e([\\/]|$)|\.e2e(\.ts)?$/.test(a) || a.startsWith('e2e');

const userArgs = process.argv.slice(2);
const options = []; // forwarded to every suite that runs
const unitFilters = [];
const e2eFilters = [];
for (let i = 0; i < userArgs.length; i++) {
  const a = userArgs[i];
  if (a.startsWith('-')) {
    if (FORBIDDEN_OPTIONS.test(a)) {
      console.error(
        `test.mjs: ${a} is set by the runner; run vitest directly for that (see docs/testing.md)`,
      );
      process.exit(2);
    }
    options.push(a);
    if (VALUE_OPTIONS.has(a) && i + 1 < userArgs.length) {
      options.push(userArgs[++i]);
    }
  } else if (namesE2e(a)) {
    e2eFilters.push(a);
  } else {
    unitFilters.push(a);
  }
}
const filtered = userArgs.length > 0;

// ---------------------------------------------------------------- checks
async function pgCheck(url) {
  let pg;
  try {
    pg = (await import('pg')).default;
  } catch {
    return 'the "pg" package is not installed (run npm ci)';
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  let timer;
  try {
    const attempt = client
      .connect()
      .then(() => client.query('SELECT 1'))
      .then(() => null);
    attempt.catch(() => {});
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('no answer within 2 s'), 2500);
    });
    return await Promise.race([attempt, timeout]);
  } catch (err) {
    return (err && (err.message || err.code)) || String(err);
  } finally {
    clearTimeout(timer);
    await Promise.race([
      client.end().catch(() => {}),
      new Promise((r) => setTimeout(r, 500).unref()),
    ]);
  }
}

function findE2eFiles(dir) {
  const out = [];
  if (!existsSync(dir)) {
    return out;
  }
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    if (ent.name === 'node_modules' || ent.name.startsWith('.')) {
      continue;
    }
    const p = join(dir, ent.name);
    if (ent.isDirectory()) {
      out.push(...findE2eFiles(p));
    } else if (ent.isFile() && ent.name.endsWith('.e2e.ts')) {
      out.push(relative(ROOT, p));
    }
  }
  return out;
}

function isExecutable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- running
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'linli-test-'));
let currentChild = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (currentChild) {
      currentChild.kill(sig);
    }
    rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });
}

function runVitest(name, vitestArgs, env) {
  const report = join(tmp, `${name}.json`);
  const args = [
    'run',
    ...vitestArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  const [cmd, cmdArgs] = existsSync(VITEST)
    ? [process.execPath, [VITEST, ...args]]
    : ['npx', ['vitest', ...args]];
  const shown = Object.entries(env)
    .map(([k, v]) => `${k}=${k.endsWith('URL') ? safeUrl(v) : v}`)
    .join(' ');
  const quoted = ['run', ...vitestArgs]
    .map((a) => (/^[\w./:=@+,-]+$/.test(a) ? a : JSON.stringify(a)))
    .join(' ');
  console.log(`\n=== suite ${name}: ${shown} vitest ${quoted}\n`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    currentChild = child;
    child.on('error', (err) => {
      currentChild = null;
      resolve({ code: 1, spawnError: err.message, report, seconds: (Date.now() - t0) / 1000 });
    });
    child.on('close', (code, signal) => {
      currentChild = null;
      resolve({ code: code ?? 1, signal, report, seconds: (Date.now() - t0) / 1000 });
    });
  });
}

function readReport(path) {
  try {
    const r = JSON.parse(readFileSync(path, 'utf8'));
    return {
      passed: r.numPassedTests ?? 0,
      failed: r.numFailedTests ?? 0,
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
      failedFiles: r.numFailedTestSuites ?? 0,
    };
  } catch {
    return null;
  }
}

/**
 * @type
 * {{name:string,status:'passed'|'failed'|'skipped',detail:string,counts?:any,seconds?:number,ciFailure?:boolean}[]}
 */
const results = [];

function skip(name, reason, { cannotRun }) {
  // cannotRun: a missing service/binary (a failure under CI); otherwise deselected by arguments or
  // nothing to run.
  if (cannotRun && CI) {
    console.log(`\nFAILED: ${name} — ${reason} (CI=true: a suite that cannot run is a failure)`);
    results.push({
      name,
      status: 'failed',
      detail: `cannot run under CI: ${reason}`,
      ciFailure: true,
    });
  } else {
    console.log(`\nskipped: ${name} — ${reason}`);
    results.push({ name, status: 'skipped', detail: reason });
  }
}

async function runSuite(name, vitestArgs, env) {
  const res = await runVitest(name, vitestArgs, env);
  const counts = readReport(res.report);
  let status = 'passed';
  let detail = '';
  if (res.spawnError) {
    status = 'failed';
    detail = `could not start vitest: ${res.spawnError}`;
  } else if (!counts) {
    status = 'failed';
    detail = `vitest exited ${res.signal ?? res.code} without writing its JSON report`;
  } else if (res.code !== 0 || counts.failed > 0 || counts.failedFiles > 0) {
    status = 'failed';
    detail = `vitest exited ${res.signal ?? res.code}`;
    if (counts.passed + counts.failed === 0) {
      detail = `ran no test; ${detail}`;
    }
    if (counts.failedFiles > 0) {
      detail += `; ${counts.failedFiles} file(s) failed`;
    }
  } else if (counts.passed + counts.failed === 0) {
    status = 'failed';
    detail = 'ran no test';
  }
  results.push({ name, status, detail, counts: counts ?? undefined, seconds: res.seconds });
}

// ---------------------------------------------------------------- suites
const unitSelected = !filtered || unitFilters.length > 0 || e2eFilters.length === 0;
const unitArgs = [...unitFilters, ...options];

// 1. sqlite
if (unitSelected) {
  await runSuite('sqlite', unitArgs, { LINLI_TEST_DB: 'sqlite' });
} else {
  skip('sqlite', 'the arguments name only e2e files', { cannotRun: false });
}

// 2. postgres
if (!unitSelected) {
  skip('postgres', 'the arguments name only e2e files', { cannotRun: false });
} else {
  const why = await pgCheck(PG_URL);
  if (why) {
    skip('postgres', `no PostgreSQL answered at ${safeUrl(PG_URL)} (${why})`, { cannotRun: true });
  } else {
    await runSuite('postgres', unitArgs, { LINLI_TEST_DB: 'postgres', TEST_DATABASE_URL: PG_URL });
  }
}

// 3. browser
if (filtered && e2eFilters.length === 0) {
  skip('browser', 'the arguments name no e2e file (add e.g. `e2e` to include it)', {
    cannotRun: false,
  });
} else if (findE2eFiles(join(ROOT, 'e2e')).length === 0) {
  skip('browser', 'no e2e/**/*.e2e.ts files', { cannotRun: false });
} else if (!isExecutable(CHROMIUM)) {
  skip(
    'browser',
    `${CHROMIUM} not found; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    {
      cannotRun: true,
    },
  );
} else {
  await runSuite('browser', ['--config', 'e2e/vitest.config.ts', ...e2eFilters, ...options], {
    CHROMIUM_PATH: CHROMIUM,
  });
}

rmSync(tmp, { recursive: true, force: true });

// ---------------------------------------------------------------- summary
const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\nsummary:');
for (const r of results) {
  let line = `  ${r.name.padEnd(9)} ${r.status.toUpperCase().padEnd(8)} `;
  if (r.counts) {
    total.passed += r.counts.passed;
    total.failed += r.counts.failed;
    total.skipped += r.counts.skipped;
    line += `${r.counts.passed} passed | ${r.counts.failed} failed | ${r.counts.skipped} skipped | ${r.seconds.toFixed(1)} s`;
    if (r.detail) {
      line += ` | ${r.detail}`;
    }
  } else {
    line += r.detail;
  }
  console.log(line);
}
const skippedSuites = results.filter((r) => r.status === 'skipped').map((r) => r.name);
const ran = results.filter((r) => r.counts);
const ok = ran.length > 0 && results.every((r) => r.status !== 'failed');
if (skippedSuites.length) {
  console.log(`suites skipped: ${skippedSuites.join(', ')}`);
}
if (ran.length === 0) {
  console.log('no suite ran');
}
console.log(
  `elapsed: ${((Date.now() - started) / 1000).toFixed(1)} s, result ${ok ? 'OK' : 'FAILED'}`,
);
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(ok ? 0 : 1);
