import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file the sync produces, relative to the project root. */
export interface Output {
  path: string;
  content: string;
  status: 'new' | 'changed' | 'unchanged';
}

/** The deterministic JSON form of everything we write: 2-space indent, trailing newline. */
export const formatJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The current content of project files, undefined for the missing ones. */
export async function readFiles(root: string, paths: string[]): Promise<Map<string, string | undefined>> {
  const entries = await Promise.all(
    paths.map(
      async (file) => [file, await readFile(path.join(root, file), 'utf8').catch(() => undefined)] as const,
    ),
  );
  return new Map(entries);
}

/** Compare what the sync produced with what is there. Pure. */
export function planOutputs(
  produced: Array<{ path: string; content: string }>,
  existing: Map<string, string | undefined>,
): Output[] {
  return produced.map(({ path: file, content }) => {
    const current = existing.get(file);
    return {
      path: file,
      content,
      status: current === undefined ? 'new' : current === content ? 'unchanged' : 'changed',
    };
  });
}

/**
 * Write each new or changed file atomically: a temporary file next to it, then a rename, so an
 * interrupted sync leaves either the old file or the new one, never half of one.
 */
export async function writeOutputs(root: string, outputs: Output[]): Promise<void> {
  for (const output of outputs) {
    if (output.status === 'unchanged') continue;
    const target = path.join(root, output.path);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, output.content, 'utf8');
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
