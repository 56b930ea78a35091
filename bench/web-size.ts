// How much gzipped JavaScript the resident QR page (/b/:token) downloads: the web is built into a
// scratch folder with a manifest, then the page's chunks are summed: the entry and its static
// imports, the resident app and its static imports, and the zh-CN message files a resident page
// loads (src/web/i18n/message-parts.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { workbenchOnlyFiles } from '../src/web/i18n/message-parts.js';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** One downloaded file and its gzipped size in bytes. */
export interface WebFile {
  file: string;
  gzipBytes: number;
}

/** The files the QR page loads, as the manifest of a build names them. */
export function qrPageChunks(manifest: Record<string, Chunk>): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) {
      return;
    }
    seen.add(key);
    for (const next of chunk.imports ?? []) {
      visit(next);
    }
  };
  visit('index.html');
  visit('resident/resident-app.tsx');
  for (const key of Object.keys(manifest)) {
    const file = /^locales\/zh-CN\/([^/]+)\.json$/.exec(key)?.[1];
    if (file && !workbenchOnlyFiles.has(file)) {
      visit(key);
    }
  }
  return [...seen].map((key) => (manifest[key] as Chunk).file).filter((f) => f.endsWith('.js'));
}

/** Builds the web into a scratch folder and measures the QR page's JavaScript. */
export function measureQrPage(root: string): { totalKb: number; files: WebFile[] } {
  const out = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-web-'));
  try {
    execFileSync('npx', ['vite', 'build', '--manifest', '--outDir', out, '--emptyOutDir'], {
      cwd: root,
      stdio: 'ignore',
    });
    const manifest = JSON.parse(
      readFileSync(path.join(out, '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, Chunk>;
    const files = qrPageChunks(manifest).map((file) => ({
      file,
      gzipBytes: gzipSync(readFileSync(path.join(out, file))).length,
    }));
    const totalKb = files.reduce((n, f) => n + f.gzipBytes, 0) / 1024;
    return { totalKb, files: files.sort((a, b) => b.gzipBytes - a.gzipBytes) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
