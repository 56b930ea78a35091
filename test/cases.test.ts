import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ours = path.resolve(import.meta.dirname, 'cases');
const upstream = path.resolve(import.meta.dirname, '../../shared/cases');

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

describe('the hostile-input cases the tests use', () => {
  it('are kept in the repository, so a clean clone can run every test', () => {
    expect(files(ours)).toEqual(
      expect.arrayContaining(['malformed-json.jsonl', 'unicode.jsonl', 'uploads/pixel-bomb.png']),
    );
  });

  // Where the team's shared case collection sits beside the checkout (as in CI), every case in
  // it must be here unchanged: cases are added there, never removed.
  it.runIf(existsSync(upstream))('hold every case of the shared collection as it is', () => {
    for (const file of files(upstream)) {
      expect(
        readFileSync(path.join(ours, file)).equals(readFileSync(path.join(upstream, file))),
        file,
      ).toBe(true);
    }
  });
});
