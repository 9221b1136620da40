/**
 * `npm run build` on a contract the site cannot be made from stops before Astro starts, with one
 * line that names the file, the place and the fix (scripts/astro-build.ts), never a stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = import.meta.resolve('tsx');
const work = mkdtempSync(join(tmpdir(), 'ocpplab-build-errors-'));

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** `npm run build` (`tsx scripts/astro-build.ts`) with OCPPLAB_CONTRACT: exit code and stderr. */
async function build(contract: string): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, ['--import', TSX, 'scripts/astro-build.ts', '--outDir', join(work, 'dist')], {
      env: { ...process.env, OCPPLAB_CONTRACT: contract },
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
  }
}

function contractFile(name: string, document: unknown): string {
  const file = join(work, name);
  writeFileSync(file, JSON.stringify(document));
  return file;
}

describe('a build from a contract it cannot use', { timeout: 60_000 }, () => {
  it.each([
    [
      'a missing file',
      () => join(work, 'nope.json'),
      (file: string) =>
        `error: ${file}: cannot read the contract (ENOENT: no such file or directory, open '${file}'). Run 'npm run sync' to restore it.\n`,
    ],
    [
      'a Swagger 2 document',
      () => contractFile('swagger.json', { swagger: '2.0' }),
      (file: string) =>
        `error: ${file}: not an OpenAPI 3.0, 3.1 or 3.2 document (no 'openapi: 3.x' field). Run 'npm run sync' to restore it.\n`,
    ],
    [
      'an unresolvable $ref',
      () =>
        contractFile('bad-ref.json', {
          openapi: '3.1.0',
          info: { title: 'T', version: '1' },
          paths: {
            '/a': {
              get: {
                responses: {
                  '200': {
                    description: 'ok',
                    content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } },
                  },
                },
              },
            },
          },
        }),
      (file: string) =>
        `error: ${file}: $ref '#/components/schemas/Nope' at #/paths/~1a/get cannot be resolved. Correct the $ref in the contract (for the synced one, in the SDK repository, then run 'npm run sync').\n`,
    ],
  ])('stops on %s with one line and exit 1', async (_what, make, message) => {
    const file = make();
    const { code, stderr } = await build(file);
    expect(code).toBe(1);
    expect(stderr).toBe(message(file));
  });
});
