// `npm start`: builds the web app when its sources are newer than the build, then runs the
// server in this same process (so signals reach it directly).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const webSrc = path.join(root, 'src/web');
const webOut = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    newest = Math.max(newest, t);
  }
  return newest;
}

// The web imports the contract and the domain (the service path diagram is drawn from its machine).
const shared = ['src/contract', 'src/domain'].map((dir) => newestMtime(path.join(root, dir)));
const stale =
  !existsSync(webOut) || Math.max(newestMtime(webSrc), ...shared) > statSync(webOut).mtimeMs;
if (stale) {
  process.stdout.write('building the web app / 正在构建网页…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

process.chdir(root);
const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
