// The placards scenario, in processes of its own so the printing's peak memory is its own:
// `placards.child.ts COUNT seed DIR` writes a street of COUNT buildings through the import's tree
// writer; `placards.child.ts COUNT print DIR` runs `linli placards --street` into one PDF and
// prints one JSON line: pages, seconds, peak RSS in MB, PDF size in MB.
import { statSync } from 'node:fs';
import path from 'node:path';
import { placardsCommand } from '../src/cli/placards.js';
import { hashPassword } from '../src/server/accounts/passwords.js';
import { createContext } from '../src/server/context-factory.js';
import { openSqlite, type DatabaseHandle } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import type { CommunityNode, OrgTree } from '../src/server/org/org-tree.js';
import { seedMatters } from '../src/server/org/service.js';
import { writeOrgTree } from '../src/server/org/tree-writer.js';

const count = Number(process.argv[2] ?? 10_000);
const streetCode = '310110-bench';
const perCommunity = 250;

function community(c: number, buildings: number): CommunityNode {
  const no = String(c + 1).padStart(3, '0');
  return {
    code: null,
    name: `压测${no}居委会`,
    kind: 'community',
    row: c + 2,
    room: {
      code: null,
      name: `压测${no}城管社区工作室`,
      kind: 'workroom',
      address: `杨浦区示例路${c + 1}号`,
      hours: '周一至周五 9:00-17:00',
      matters: ['WFDJ', 'LDDW', 'QZ', 'PHWM'],
      liaisons: [1, 2].map((slot) => ({
        slot: slot as 1 | 2,
        username: `bench.${no}.${slot}`,
        name: slot === 1 ? '王伟' : '李芳',
        badgeNo: `B${no}${slot}`,
        workPhone: `021-6500${no}${slot}`,
        row: c + 2,
      })),
    },
    buildings: Array.from({ length: buildings }, (_, b) => ({
      code: null,
      name: `${b + 1}号楼`,
      address: `杨浦区示例路${c + 1}弄${b + 1}号`,
      row: c + 2,
    })),
  };
}

async function seed(handle: DatabaseHandle): Promise<void> {
  await migrateToLatest(handle.db);
  await seedMatters(handle.db);
  const communities = Math.ceil(count / perCommunity);
  const tree: OrgTree = {
    district: { code: '310110', name: '杨浦区', row: 1 },
    streets: [
      {
        code: streetCode,
        name: '压测街道',
        row: 2,
        communities: Array.from({ length: communities }, (_, c) =>
          community(c, Math.min(perCommunity, count - c * perCommunity)),
        ),
      },
    ],
  };
  const hash = await hashPassword('bench-only-password');
  const now = new Date().toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const written = await writeOrgTree(trx, tree, {
      isDemo: true,
      now,
      passwordHashOf: () => Promise.resolve(hash),
      columnName: (field) => field,
    });
    if (written.issues.length > 0) {
      throw new Error(written.issues[0]?.problemEn);
    }
  });
}

async function print(handle: DatabaseHandle, dir: string): Promise<void> {
  const ctx = createContext(
    {
      dataKey: Buffer.alloc(32, 7),
      filesDir: path.join(dir, 'files'),
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      publicBaseUrl: 'https://linli.example.gov.cn',
    },
    handle,
  );
  const out = path.join(dir, 'placards.pdf');
  const quiet = { write: () => true };
  const started = performance.now();
  const args = { streetCode, out, markPrinted: false };
  const code = await placardsCommand(ctx, args, '', quiet);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    throw new Error(`linli placards exited with ${code}`);
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const pdfMb = statSync(out).size / 1024 / 1024;
  process.stdout.write(`${JSON.stringify({ pages: count, seconds, peakMb, pdfMb })}\n`);
}

const [step, dir] = [process.argv[3], process.argv[4] ?? ''];
const handle = openSqlite(path.join(dir, 'placards.db'));
try {
  await (step === 'seed' ? seed(handle) : print(handle, dir));
} finally {
  await handle.close();
}
