/**
 * Extract: page text → fenced code blocks with their page, line, title and fence meta.
 * Pure; `.mdx` pages are parsed with remark-mdx so blocks nested in JSX (`<TabItem>`) are found.
 */
import type { Code, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseFenceMeta } from '../../src/markdown/fence-meta.ts';
import { splitFrontmatter } from '../../src/markdown/frontmatter.ts';
import type { CodeBlock, Runtime, SnippetSource } from './types.ts';

const runtimes: Readonly<Record<string, Runtime>> = {
  bash: 'shell',
  sh: 'shell',
  shell: 'shell',
  curl: 'shell',
  python: 'python',
  py: 'python',
  python3: 'python',
  ts: 'typescript',
  typescript: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
};

export function runtimeOf(lang: string): Runtime | undefined {
  return Object.hasOwn(runtimes, lang) ? runtimes[lang] : undefined;
}

export { parseFenceMeta };

function parserFor(page: string) {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return page.endsWith('.mdx') ? processor.use(remarkMdx) : processor;
}

/**
 * A page's Markdown tree (MDX for `.mdx`), frontmatter left out but counted, so node positions
 * are lines of the file. Also read by the guides' mentions check (scripts/guides/mentions.ts).
 */
export function parsePage(source: Pick<SnippetSource, 'page' | 'markdown'>): Root {
  const { body } = splitFrontmatter(source.markdown);
  try {
    return parserFor(source.page).parse(body);
  } catch (error) {
    // micromark's messages carry the place either as `line` or only in the text: "(3:1-3:7)".
    const message = (error as Error).message;
    const line = (error as { line?: unknown }).line ?? Number(/\((\d+):\d+/.exec(message)?.[1]);
    const where = typeof line === 'number' && line > 0 ? `${source.page}:${line}` : source.page;
    throw new Error(`${where}: cannot be parsed (${message}); fix the page's syntax`);
  }
}

/** Every fenced code block of a page, in document order, runnable or not. */
export function extractBlocks(source: SnippetSource): CodeBlock[] {
  const tree = parsePage(source);
  const blocks: CodeBlock[] = [];
  visit(tree, 'code', (node: Code) => {
    const meta = parseFenceMeta(node.meta);
    const lang = (node.lang ?? '').toLowerCase();
    const title = meta.title;
    blocks.push({
      page: source.page,
      line: node.position?.start.line ?? 0,
      lang,
      runtime: runtimeOf(lang),
      title: typeof title === 'string' ? title : undefined,
      meta,
      code: node.value,
      sequence: source.sequence,
    });
  });
  return blocks;
}
