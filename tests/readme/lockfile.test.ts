/**
 * The committed package-lock.json is the one `npm install` keeps: npm, asked to bring the lockfile
 * in line with package.json (`--package-lock-only`, in a copy of the two files), writes it back
 * byte for byte. A dependency added to package.json without its lockfile, or a lockfile written
 * by another npm in another shape, fails here instead of showing up as a changed file on a clone.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'lockfile-'));

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('package-lock.json', () => {
  it('is left unchanged by npm install', async () => {
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(file, join(work, file));
    await run(
      'npm',
      ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: work, timeout: 120_000 },
    );
    const committed = readFileSync('package-lock.json', 'utf8');
    const rewritten = readFileSync(join(work, 'package-lock.json'), 'utf8');
    if (rewritten !== committed) {
      const before = committed.split('\n');
      const after = rewritten.split('\n');
      const first = after.findIndex((line, index) => line !== before[index]);
      expect.fail(
        `npm install would rewrite package-lock.json (${before.length} → ${after.length} lines; first change at line ${first + 1}: ${JSON.stringify(after[first])}). Run 'npm install' and commit the lockfile it writes.`,
      );
    }
  }, 150_000);
});
