/** Shared by the snippet runner's scenario tests and the guides' drift test. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The parts of the contract the drift tests change. */
export interface DriftDocument {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
}

/** A copy of the project's contract with one change, written to `dir/name.json`. */
export async function driftedContract(
  dir: string,
  name: string,
  edit: (document: DriftDocument) => void,
): Promise<string> {
  const document = JSON.parse(await readFile(join(root, 'openapi/openapi.json'), 'utf8')) as DriftDocument;
  edit(document);
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(document));
  return file;
}

/**
 * `npm run test:snippets -- <args>` from the project root, against Prism (the environment's
 * OCPPLAB_BASE_URL and OCPPLAB_TOKEN are cleared). Rejects on a non-zero exit, with `code` and
 * `stdout` on the error.
 */
export function snippetCli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/snippets/cli.ts', ...args],
    {
      cwd: root,
      env: { ...process.env, OCPPLAB_BASE_URL: '', OCPPLAB_TOKEN: '' },
    },
  );
}
