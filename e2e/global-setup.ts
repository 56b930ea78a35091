// Global setup of the browser suite: the app serves the built web from dist/web, so build it
// first whenever the build is missing or older than its sources (as `npm start` does).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = path.join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/contract', 'src/domain', 'vite.config.ts'].map((p) =>
  path.join(root, p),
);

function newestMtime(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

/** True when dist/web/index.html is missing or older than any file the web build reads. */
function webBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) {
    return true;
  }
  const built = statSync(builtIndex).mtimeMs;
  return sources.some((source) => existsSync(source) && newestMtime(source) > built);
}

export default async function setup(): Promise<void> {
  if (!webBuildIsStale()) {
    return;
  }
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log(
    `e2e: built the web app into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
