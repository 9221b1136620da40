import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import MiniSearch from 'minisearch';
import { REFERENCE_URL } from '../model/pages.ts';

/** One page as agents read it: its Markdown twin. */
export interface DocPage {
  /** Site-relative URL of the twin, e.g. `/quickstart.md`. */
  path: string;
  title: string;
  markdown: string;
}

export interface SearchHit {
  path: string;
  title: string;
  score: number;
  /** The lines of the page that mention the query terms, for a quick look. */
  excerpt: string;
}

/** Every `.md` twin below a built site folder (the LLM files are not pages). */
export function readTwins(distDir: string): DocPage[] {
  const pages: DocPage[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.md')) {
        const markdown = readFileSync(file, 'utf8');
        pages.push({
          path: `/${relative(distDir, file).split(sep).join('/')}`,
          title: titleOf(markdown, name),
          markdown,
        });
      }
    }
  };
  walk(distDir);
  return pages;
}

function titleOf(markdown: string, fallback: string): string {
  return /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? fallback;
}

/** Most distinct words of a query that a search looks up. */
const MAX_TERMS = 24;

/** Full-text search over the twins: titles and headings weigh more than body text. */
export class DocsIndex {
  readonly pages: ReadonlyMap<string, DocPage>;
  readonly #search: MiniSearch<{ id: string; title: string; headings: string; text: string }>;

  constructor(pages: DocPage[]) {
    this.pages = new Map(pages.map((page) => [page.path, page]));
    this.#search = new MiniSearch({
      fields: ['title', 'headings', 'text'],
      storeFields: ['title'],
      searchOptions: { boost: { title: 4, headings: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
    });
    this.#search.addAll(
      pages.map((page) => ({
        id: page.path,
        title: page.title,
        headings: page.markdown
          .split('\n')
          .filter((line) => /^#{2,6} /.test(line))
          .join('\n'),
        text: page.markdown,
      })),
    );
  }

  /**
   * The best pages for a query. Work is bounded by the query, not only by its length: at most
   * `MAX_TERMS` distinct words are looked up, and only words of five letters or more are matched
   * fuzzily (each fuzzy word walks the whole term tree), so no query holds the server up.
   */
  search(query: string, limit: number, section: 'all' | 'guides' | 'reference' = 'all'): SearchHit[] {
    const terms = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}_-]+/gu) ?? [])].slice(0, MAX_TERMS);
    if (terms.length === 0) return [];
    const bounded = terms.join(' ');
    const inSection = (id: string) =>
      section === 'all' || (section === 'reference') === id.startsWith(REFERENCE_URL);
    const options = {
      filter: (result: { id: string }) => inSection(result.id),
      fuzzy: (term: string) => (term.length >= 5 ? 0.15 : false),
    };
    let results = this.#search.search(bounded, options);
    // Every term rarely matches a long question; fall back to any term.
    if (results.length === 0) results = this.#search.search(bounded, { ...options, combineWith: 'OR' });
    return results.slice(0, limit).map((result) => {
      const page = this.pages.get(result.id);
      return {
        path: result.id,
        title: page?.title ?? result.id,
        score: Math.round(result.score * 100) / 100,
        excerpt: page === undefined ? '' : excerpt(page.markdown, result.terms),
      };
    });
  }

  /** A page by its twin path, its HTML path (`/quickstart/`) or its full URL. */
  page(reference: string): DocPage | undefined {
    let path = reference.trim();
    try {
      if (/^https?:\/\//.test(path)) path = new URL(path).pathname;
    } catch {
      return undefined;
    }
    path = path.split('#')[0] ?? path;
    if (!path.startsWith('/')) path = `/${path}`;
    if (path === '/') return this.pages.get('/index.md');
    if (!path.endsWith('.md')) path = `${path.replace(/\/+$/, '')}.md`;
    return this.pages.get(path);
  }
}

function excerpt(markdown: string, terms: string[]): string {
  const lines = markdown.split('\n').filter((line) => !line.startsWith('>'));
  const wanted = terms.map((term) => term.toLowerCase());
  const hits = lines.filter((line) => wanted.some((term) => line.toLowerCase().includes(term)));
  return hits
    .slice(0, 3)
    .map((line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line))
    .join('\n');
}
