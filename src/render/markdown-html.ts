import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { slugify } from '../model/slug.ts';
import type { MarkdownHeading } from '../view/headings.ts';
import { escapeAttribute } from './html.ts';

/**
 * Markdown from the contract (descriptions, `info.description`) as HTML that is
 * safe to inline in a page. The contract is input we do not control, so:
 *
 * - raw HTML in the Markdown is dropped, never passed through (`remark-rehype`
 *   without `allowDangerousHtml`), so `<script>` or `<img onerror=…>` become nothing;
 * - `rehype-sanitize` with GitHub's schema then removes anything else that could
 *   run: event-handler attributes, `javascript:`/`data:` URLs (the link keeps its text).
 */

export interface RenderedMarkdown {
  html: string;
  /** The headings of the rendered text, after `headingOffset`, with the ids they carry. */
  headings: MarkdownHeading[];
}

export interface MarkdownOptions {
  /**
   * Added to every heading level, so a description's `## Errors` sits below the
   * section it is shown in (`1` turns `##` into `<h3>`). Levels stop at `<h6>`.
   * @default 1
   */
  headingOffset?: number;
  /** Prefix of heading ids, to keep them unique on a page with several descriptions. @default '' */
  idPrefix?: string;
}

// GitHub's schema, without `user-content-` id clobbering: ids are assigned
// after sanitizing, from the heading text, by `headingIds` below.
const schema = { ...defaultSchema, clobberPrefix: '' };

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

/**
 * One line of prose with nothing Markdown or HTML would treat specially: no
 * markup characters, no line break, no list/heading/quote start, nothing GFM
 * autolinks (`:` of URLs, `@` of emails, `www.`). Most field descriptions are
 * like this and need no parser: they render as `<p>text</p>`, exactly as the
 * pipeline would (a test compares both).
 */
const PLAIN = /^(?![\d+=-])(?!.*www\.)[^\n\r\\`*_[\]<>&|~!:@#{}]*$/;

/** Descriptions repeat across operations (shared schemas): render each one once. */
const cache = new Map<string, RenderedMarkdown>();
const CACHE_LIMIT = 20_000;

export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): RenderedMarkdown {
  const offset = options.headingOffset ?? 1;
  const prefix = options.idPrefix ?? '';
  const text = markdown.trim();
  if (PLAIN.test(text)) return { html: text === '' ? '' : `<p>${text}</p>`, headings: [] };
  const key = `${offset}|${prefix}|${markdown}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const rendered = renderWithPipeline(markdown, offset, prefix);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, rendered);
  return rendered;
}

/** The full unified pipeline, without the plain-text shortcut or the cache. */
export function renderWithPipeline(markdown: string, offset = 1, prefix = ''): RenderedMarkdown {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const headings = headingIds(tree, offset, prefix);
  return { html: processor.stringify(tree), headings };
}

/** Shifts heading levels and gives each heading a unique id made from its text. */
function headingIds(tree: Root, offset: number, prefix: string): MarkdownHeading[] {
  const out: MarkdownHeading[] = [];
  const taken = new Map<string, number>();
  const visit = (nodes: readonly (Root | RootContent)[]) => {
    for (const node of nodes) {
      if (node.type !== 'element' && node.type !== 'root') continue;
      if (node.type === 'element') {
        const level = /^h([1-6])$/.exec(node.tagName);
        if (level?.[1] !== undefined) {
          const depth = Math.min(6, Number(level[1]) + offset);
          node.tagName = `h${depth}`;
          const text = textOf(node).trim();
          const base = `${prefix}${slugify(text)}`;
          const seen = taken.get(base) ?? 0;
          taken.set(base, seen + 1);
          const slug = seen === 0 ? base : `${base}-${seen + 1}`;
          node.properties = { ...node.properties, id: slug };
          out.push({ depth, slug, text });
          continue;
        }
      }
      visit(node.children);
    }
  };
  visit([tree]);
  return out;
}

function textOf(node: Element | ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** Contract Markdown as a `div.ref-md` block, or nothing for an empty text. */
export function markdownHtml(
  text: string | undefined,
  headingOffset = 2,
  idPrefix = '',
  className?: string,
): string {
  if (text === undefined || text.trim() === '') return '';
  const { html } = renderMarkdown(text, { headingOffset, idPrefix });
  if (html === '') return '';
  const classes = className === undefined ? 'ref-md' : `ref-md ${escapeAttribute(className)}`;
  // Most descriptions are one paragraph: the paragraph itself carries the class.
  if (/^<p>(?:(?!<p>)[\s\S])*<\/p>$/.test(html)) return `<p class="${classes}">${html.slice(3)}`;
  return `<div class="${classes}">${html}</div>`;
}
