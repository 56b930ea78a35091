// A throwaway PostgreSQL cluster of the test's own (initdb + pg_ctl into a temporary directory,
// on a free port), so a fault test can restart it without touching the shared test server.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The newest installed PostgreSQL's bin directory, or null. */
export function findPgBin(): string | null {
  const fromEnv = process.env.PG_BIN?.trim();
  if (fromEnv && existsSync(path.join(fromEnv, 'initdb'))) {
    return fromEnv;
  }
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) {
    return path.join(base, versions[0], 'bin');
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return existsSync(path.join(dir, 'initdb')) ? dir : null;
  } catch {
    return null;
  }
}

/** initdb refuses root: as root the cluster runs as the `postgres` user, if there is one. */
function runAs(): string | null {
  if (process.getuid?.() !== 0) {
    return null;
  }
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return 'postgres';
  } catch {
    throw new Error('running as root and there is no postgres user for initdb');
  }
}

/** Why a throwaway cluster cannot be made here, or null when it can. */
export function pgClusterUnavailable(): string | null {
  if (!findPgBin()) {
    return 'no PostgreSQL server binaries (initdb, pg_ctl) found';
  }
  try {
    runAs();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

/** A running throwaway cluster. */
export interface PgCluster {
  url: string;
  /** `pg_ctl stop -m fast`: ends every connection and shuts down (without blocking the loop). */
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): void;
}

/** initdb (trust auth, data checksums) and start on a free loopback port. */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) {
    throw new Error('no PostgreSQL server binaries found');
  }
  const user = runAs();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-pgcluster-'));
  const data = path.join(dir, 'data');
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    user
      ? ['runuser', ['-u', user, '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
  const run = (tool: string, args: string[]) => {
    execFileSync(...command(tool, args), { stdio: 'pipe', cwd: dir });
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--data-checksums', '-N']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  const ctlArgs = (...args: string[]) => [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-o',
    options,
    '-w',
    ...args,
  ];
  const ctl = (...args: string[]) => {
    run('pg_ctl', ctlArgs(...args));
  };
  const ctlAsync = async (...args: string[]) => {
    await execFileAsync(...command('pg_ctl', ctlArgs(...args)), { cwd: dir });
  };
  ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctlAsync('stop', '-m', 'fast'),
    start: () => ctlAsync('start'),
    remove: () => {
      try {
        ctl('stop', '-m', 'immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
