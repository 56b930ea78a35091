import cliProgress from 'cli-progress';
import type { DatabaseHandle } from '../server/db/database.js';
import { AppError } from '../server/errors.js';
import { readImportFile, type ImportTable } from '../server/org/import-file.js';
import {
  importOrg,
  type ImportProgress,
  type ImportReport,
  type LevelCounts,
} from '../server/org/service.js';

/** Where the report goes: process.stdout, or a collecting stream in tests. */
export interface ReportStream {
  write(text: string): unknown;
}

/**
 * `linli import-org FILE`: reads an .xlsx or .csv organisation file, imports it in one
 * transaction and writes the report to `out`. Returns the exit code: 0 when imported, 1 when
 * any row was refused or the file could not be read (nothing is written then).
 */
export async function importOrgCommand(
  handle: DatabaseHandle,
  file: string,
  out: ReportStream,
): Promise<number> {
  const table = await readTable(file, out);
  if (!table) {
    return 1;
  }
  const progress = progressBar(process.stderr);
  let report: ImportReport;
  try {
    report = await importOrg(handle.db, table, progress.update);
  } catch (error) {
    progress.stop();
    out.write(
      `导入失败：数据库出错，已全部回滚，未写入任何数据。\nImport failed: ${String(error)}\n`,
    );
    return 1;
  }
  progress.stop();
  out.write(report.ok ? successText(file, report) : failureText(file, report));
  return report.ok ? 0 : 1;
}

async function readTable(file: string, out: ReportStream): Promise<ImportTable | null> {
  try {
    return await readImportFile(file);
  } catch (error) {
    if (error instanceof AppError) {
      const why = (error.details ?? []).map((d) => `${d.message} / ${d.messageEn}`).join('\n');
      out.write(`无法读取文件 ${file}：\n${why}\n`);
      return null;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      out.write(`找不到文件 ${file} / File not found\n`);
      return null;
    }
    throw error;
  }
}

const phaseLabel = { read: '检查 / checking', write: '写入 / writing' };

/** A progress bar on stderr when it is a terminal; a silent stand-in otherwise. */
function progressBar(stream: NodeJS.WriteStream): { update: ImportProgress; stop(): void } {
  if (!stream.isTTY) {
    return { update: () => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: keyof typeof phaseLabel | null = null;
  return {
    update: (next, done, total) => {
      if (phase !== next) {
        bar.stop();
        bar.start(total, done, { phase: phaseLabel[next] });
        phase = next;
      }
      bar.update(done);
    },
    stop: () => {
      bar.stop();
    },
  };
}

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Lays out rows as aligned columns separated by two spaces. */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  const lines = rows.map((row) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  '),
  );
  return `${lines.join('\n')}\n`;
}

const levelLabel: Record<keyof LevelCounts, string> = {
  district: '区',
  street: '街道',
  community: '社区/园区',
  room: '工作室/工作站',
  liaison: '联络员',
  building: '楼栋',
};

function successText(file: string, report: ImportReport): string {
  const counts = Object.entries(report.counts).map(([level, c]) => [
    levelLabel[level as keyof LevelCounts],
    String(c.created),
    String(c.updated),
  ]);
  const parts = [
    `导入成功 / Import done: ${file}\n\n`,
    textTable([['层级', '新建', '更新'], ...counts]),
  ];
  if (Object.values(report.counts).every((c) => c.created + c.updated === 0)) {
    parts.push('\n数据库中已是文件中的内容，没有任何变化。/ Nothing changed.\n');
  }
  if (report.newAccounts.length > 0) {
    parts.push(
      '\n新联络员账号的初始密码只显示这一次，请经工作渠道交给本人，首次登录后修改：\n',
      'Initial passwords of new liaison accounts are shown only now:\n',
      textTable([
        ['用户名', '姓名', '初始密码'],
        ...report.newAccounts.map((a) => [a.username, a.name, a.password]),
      ]),
    );
  }
  return parts.join('');
}

function failureText(file: string, report: ImportReport): string {
  const n = report.issues.length;
  return [
    `导入失败：${file} 中有 ${n} 处问题，未写入任何数据。请修改后重新导入。\n`,
    `Import refused: ${n} problem(s) in ${file}; nothing was written.\n\n`,
    textTable([
      ['行', '列', '问题'],
      ...report.issues.map((i) => [String(i.row), i.column, i.problem]),
    ]),
  ].join('');
}
