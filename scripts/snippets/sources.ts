/**
 * Sources: the pages whose code blocks are tested. Two producers feed the runner:
 * the hand-written pages under `docs/`, and the generated API reference.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { resolveSiteConfig } from '../../src/config.ts';
import { splitFrontmatter } from '../../src/markdown/frontmatter.ts';
import { pageTwin } from '../../src/markdown/page.ts';
import { buildModel } from '../../src/model/build.ts';
import { referencePages, twinUrl } from '../../src/model/pages.ts';
import type { Contract } from './contract.ts';
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
 * The generated API reference's pages as their Markdown twins (every operation and webhook,
 * with its curl, Python and TypeScript samples), made from the contract under test by the
 * same model and renderer as the site, so a page name points at the twin a reader can open.
 */
export function referenceSnippetSources(contract: Contract): SnippetSource[] {
  const config = resolveSiteConfig();
  const model = buildModel(structuredClone(contract.document) as Record<string, unknown>, config);
  const context = { site: config.site, model, mode: 'page' as const, guideSource: () => undefined };
  return referencePages(model)
    .filter((page) => page.kind === 'operation' || page.kind === 'webhook')
    .map((page) => ({
      page: twinUrl(page.slug).slice(1),
      markdown: pageTwin(page, context),
      sequence: false,
    }));
}

/** All pages the snippet tests cover: the guides, then the reference. */
export async function snippetSources(options: {
  docsDir: string;
  root: string;
  contract: Contract;
  /** Include the generated reference (off for a quick run over hand-written pages). */
  reference: boolean;
}): Promise<SnippetSource[]> {
  const docs = await docsSnippetSources(options.docsDir, options.root);
  return options.reference ? [...docs, ...referenceSnippetSources(options.contract)] : docs;
}
