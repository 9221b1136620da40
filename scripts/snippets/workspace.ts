/**
 * Workspace: the temporary directory the programs run in. One sub-directory per program; the root
 * holds `package.json` (ES modules), the contract's generated types `ocpplab.d.ts` and a
 * `node_modules` link to the project's, so `openapi-fetch` and `./ocpplab` resolve as in the docs.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contract } from './contract.ts';

export interface Workspace {
  dir: string;
  /** Creates (once) and returns the directory of one program. */
  programDir(id: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * The types of the contract under test, generated exactly as `npm run sync` generates
 * `src/generated/ocpplab.d.ts`, so a snippet type-checks here when it does for a reader. Generated
 * per run rather than read from `src/generated/`, which may lag behind the contract being tested.
 */
export async function generateTypes(contract: Contract): Promise<string> {
  // Loaded on demand: openapi-typescript is heavy, and a run without blocks does not need it.
  const sync = await import('../sync/types.ts');
  return sync.generateTypes({ ...contract.document });
}

export async function createWorkspace(options: { root: string; types: string }): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'ocpplab-snippets-'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  await writeFile(join(dir, 'ocpplab.d.ts'), options.types);
  await symlink(join(options.root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    async programDir(id) {
      const programDir = join(dir, id);
      await mkdir(programDir, { recursive: true });
      await symlink('../ocpplab.d.ts', join(programDir, 'ocpplab.d.ts')).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        },
      );
      return programDir;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
