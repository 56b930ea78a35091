import cliProgress from 'cli-progress';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { withAudit } from '../server/audit/service.js';
import type { AppContext } from '../server/context.js';
import { AppError, messageOf } from '../server/errors.js';
import type { PageProgress } from '../server/placards/pdf.js';
import { operatorScope, printResolved, recordPrinted } from '../server/placards/print-service.js';
import type { ReportStream } from './import-org.js';

/** What `linli placards` was asked for. */
export interface PlacardsArgs {
  communityCode?: string;
  streetCode?: string;
  out?: string;
  baseUrl?: string;
  markPrinted: boolean;
}

export const placardsUsage = `usage: npm run linli -- placards --community CODE | --street CODE
         [--out FILE.pdf] [--base-url https://…] [--mark-printed]
`;

const valueOptions = {
  '--community': 'communityCode',
  '--street': 'streetCode',
  '--out': 'out',
  '--base-url': 'baseUrl',
} as const;

/** Reads the command's options; a string is the complaint about them. */
export function parsePlacardsArgs(args: readonly string[]): PlacardsArgs | string {
  const parsed: PlacardsArgs = { markPrinted: false };
  for (let i = 0; i < args.length; i += 1) {
    const option = args[i] ?? '';
    if (option === '--mark-printed') {
      parsed.markPrinted = true;
      continue;
    }
    const field = valueOptions[option as keyof typeof valueOptions] as
      (typeof valueOptions)[keyof typeof valueOptions] | undefined;
    const value = args[i + 1];
    if (!field || value === undefined || value.startsWith('--')) {
      return `unknown or incomplete option: ${option}`;
    }
    parsed[field] = value;
    i += 1;
  }
  if (Boolean(parsed.communityCode) === Boolean(parsed.streetCode)) {
    return 'give exactly one of --community and --street / 请指定一个社区或一个街道';
  }
  return parsed;
}

/** A progress bar on stderr when it is a terminal; a silent stand-in otherwise. */
function progressBar(stream: NodeJS.WriteStream): { update: PageProgress; stop(): void } {
  if (!stream.isTTY) {
    return { update: () => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: '联络牌 / placards [{bar}] {value}/{total}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      bar.stop();
    },
  };
}

/**
 * `linli placards`: one PDF of every active building's placard of a community or street, one A5
 * page each, written to --out (default placards-CODE.pdf). With --mark-printed the register
 * records exactly the content that was rendered. Returns the exit code.
 */
export async function placardsCommand(
  ctx: AppContext,
  args: PlacardsArgs,
  fallbackBaseUrl: string,
  out: ReportStream,
): Promise<number> {
  const baseUrl = args.baseUrl ?? ctx.settings.publicBaseUrl ?? fallbackBaseUrl;
  if (!args.baseUrl && !ctx.settings.publicBaseUrl) {
    out.write(`注意：未设置 PUBLIC_BASE_URL，二维码指向 ${baseUrl}\n`);
    out.write(`Note: PUBLIC_BASE_URL is not set; the QR codes point to ${baseUrl}\n`);
  }
  const started = Date.now();
  const progress = progressBar(process.stderr);
  try {
    const scope = await operatorScope(ctx, args);
    const printed = await printResolved(ctx, null, scope, { baseUrl, onPage: progress.update });
    progress.stop();
    const file = path.resolve(args.out ?? printed.filename);
    writeFileSync(file, printed.pdf);
    if (args.markPrinted) {
      await withAudit(ctx, (trx, audit) => recordPrinted(trx, ctx, audit, null, printed.items));
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out.write(
      `已生成 ${scope.scope.name} 的联络牌 ${printed.items.length} 页：${file}（${seconds} 秒）\n` +
        `Wrote ${printed.items.length} placard page(s) to ${file} in ${seconds} s\n` +
        (args.markPrinted ? '已在台账中标记为已打印 / marked printed in the register\n' : ''),
    );
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof AppError) {
      const why = (error.details ?? []).map((d) => `${d.message} / ${d.messageEn}`).join('\n');
      const [zh, en] = messageOf[error.code];
      out.write(`无法生成联络牌：${zh}\nCannot print placards: ${en}\n${why}\n`);
      return 1;
    }
    throw error;
  }
}
