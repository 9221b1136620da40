/**
 * Sources: the pages whose code blocks are tested. Two producers feed the runner:
 * the hand-written pages under `docs/`, and the generated API reference.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Contract } from './contract.ts';
import { splitFrontmatter } from './extract.ts';
import type { SnippetSource } from './types.ts';

async function listPages(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.filter((entry) => /\.mdx?$/.test(entry)).sort();
}

/** Every `.md`/`.mdx` page under `docsDir`, named relative to `root` (`docs/quickstart.mdx`). */
export async function docsSnippetSources(docsDir: string, root: string): Promise<SnippetSource[]> {
  const sources: SnippetSource[] = [];
  for (const entry of await listPages(docsDir)) {
    const file = join(docsDir, entry);
    const markdown = await readFile(file, 'utf8');
    sources.push({
      page: relative(root, file).split(sep).join('/'),
      markdown,
      sequence: splitFrontmatter(markdown).data.snippets === 'sequence',
    });
  }
  return sources;
}

/**
 * The generated API reference's pages, as their Markdown twins (one per operation and webhook, with
 * the curl, Python and TypeScript examples). Not wired yet: the reference renderer will return its
 * twins here, built from the same contract the runner tests against.
 */
export function referenceSnippetSources(_contract: Contract): SnippetSource[] {
  return [];
}

/** All pages the snippet tests cover: the guides, then the reference. */
export async function snippetSources(options: {
  docsDir: string;
  root: string;
  contract: Contract;
}): Promise<SnippetSource[]> {
  return [
    ...(await docsSnippetSources(options.docsDir, options.root)),
    ...referenceSnippetSources(options.contract),
  ];
}
