import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { header } from '../../src/markdown/header.ts';
import { loadModel } from '../../src/model/load.ts';
import { referencePages, twinUrl } from '../../src/model/pages.ts';
import { readUrlRecord, urlPlan } from '../../src/urls.ts';
import { parityProblems } from '../support/parity.ts';
import { parseLlmsTxt } from './llms-txt.ts';
import { contractFieldNames } from './names.ts';

/**
 * Checks the twins of the committed site's build (tests/support/committed-site.ts)
 * against the HTML pages they stand for, and the llms files against dist/.
 */
const config = resolveSiteConfig();
const model = loadModel(config.contractPath, config);
const dist = inject('committedSite');

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)));
}

/** `quickstart/index.html` → `quickstart.md`, `index.html` → `index.md`. */
function twinOf(htmlFile: string): string {
  return twinUrl(htmlFile.replace(/(^|\/)index\.html$/, '').replace(/\/$/, '')).slice(1);
}

/** The redirect pages Astro writes at moved pages' old URLs: their twins move by a 301 instead. */
const redirectPages = new Set(
  urlPlan(readUrlRecord(config.contractPath), model).moved.map(({ from }) => `${from.slice(1)}index.html`),
);

function htmlPages(): string[] {
  return files(dist, '.html').filter((file) => file !== '404.html' && !redirectPages.has(file));
}

interface Outline {
  h1: string;
  headings: string[];
  code: string[];
}

/** Code as a reader copies it; JSON compared by value, so indentation does not count. */
function normalizeCode(code: string, lang: string): string {
  const text = code.replace(/\s+$/g, '').replace(/[ \t]+\n/g, '\n');
  if (lang === 'json') {
    try {
      return JSON.stringify(JSON.parse(text));
    } catch {
      return text;
    }
  }
  return text;
}

function htmlOutline(html: string): Outline & { codeOutsideDetails: string[] } {
  const tree: HastRoot = fromHtml(html);
  const content = select('.sl-markdown-content', tree) ?? select('main', tree);
  const h1 = toText(select('h1', tree) ?? tree).trim();
  if (content === undefined) return { h1, headings: [], code: [], codeOutsideDetails: [] };
  const headings = selectAll('h2, h3', content).map(
    (node) => `${node.tagName} ${toText(node).replace(/\s+/g, ' ').trim()}`,
  );
  const inDetails = new Set(selectAll('details pre', content));
  // Expressive Code renders each line as an element (`.ec-line`) of a <pre>; read them with
  // whitespace kept. (Its copy button is no reference: it drops comment lines of terminal frames.)
  const copied = new Map<Element, string>();
  for (const pre of selectAll('pre', content)) {
    const lines = selectAll('.ec-line', pre);
    if (lines.length > 0)
      copied.set(pre, lines.map((line) => toText(line, { whitespace: 'pre' }).replace(/\n$/, '')).join('\n'));
  }
  const code: string[] = [];
  const codeOutsideDetails: string[] = [];
  for (const pre of selectAll('pre', content)) {
    const text = copied.get(pre) ?? toText(pre);
    const lang = String(pre.properties.dataLanguage ?? langOf(pre));
    code.push(normalizeCode(text, lang));
    if (!inDetails.has(pre)) codeOutsideDetails.push(normalizeCode(text, lang));
  }
  return { h1, headings, code, codeOutsideDetails };
}

function langOf(pre: Element): string {
  const figure = String((pre.properties.dataLang as string | undefined) ?? '');
  return figure || (toText(pre).trim().startsWith('{') || toText(pre).trim().startsWith('[') ? 'json' : '');
}

function markdownOutline(markdown: string): Outline {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdastRoot;
  const out: Outline = { h1: '', headings: [], code: [] };
  visit(tree, (node) => {
    if (node.type === 'heading') {
      const text = mdastText(node).replace(/\s+/g, ' ').trim();
      if (node.depth === 1 && out.h1 === '') out.h1 = text;
      if (node.depth === 2 || node.depth === 3) out.headings.push(`h${node.depth} ${text}`);
    }
    if (node.type === 'code') out.code.push(normalizeCode(node.value, node.lang ?? ''));
  });
  return out;
}

function multisetMissing(want: string[], have: string[]): string[] {
  const pool = [...have];
  const missing: string[] = [];
  for (const item of want) {
    const at = pool.indexOf(item);
    if (at === -1) missing.push(item.slice(0, 120));
    else pool.splice(at, 1);
  }
  return missing;
}

describe('the built site', () => {
  it('has a twin next to every HTML page, served as Markdown', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.filter((page) => !existsSync(join(dist, twinOf(page))))).toEqual([]);
  });

  it('starts every twin with the header block and the page H1, and keeps the page headings and code blocks', () => {
    const problems: string[] = [];
    const block = `${header(config.site)}\n\n# `;
    for (const page of htmlPages()) {
      const twin = readFileSync(join(dist, twinOf(page)), 'utf8');
      const html = htmlOutline(readFileSync(join(dist, page), 'utf8'));
      const md = markdownOutline(twin);
      if (!twin.startsWith(block))
        problems.push(`${twinOf(page)}: does not start with the header block and an H1`);
      if (md.h1 !== html.h1) problems.push(`${twinOf(page)}: H1 "${md.h1}" where the page has "${html.h1}"`);
      // Compared without whitespace: markup spacing (`<span>200</span>OK`) is not the twin's concern.
      const squash = (headings: string[]) => headings.map((text) => text.replace(/\s+/g, '')).join('\n');
      if (squash(md.headings) !== squash(html.headings)) {
        problems.push(
          `${twinOf(page)}: headings\n  twin: ${md.headings.join(' | ')}\n  html: ${html.headings.join(' | ')}`,
        );
      }
      // Every block of the twin is on the page; every block the page shows open is in the twin
      // (error bodies the page folds under <details> are named and linked instead).
      for (const missing of multisetMissing(md.code, html.code))
        problems.push(`${twinOf(page)}: code not on the page: ${missing}`);
      for (const missing of multisetMissing(html.codeOutsideDetails, md.code)) {
        problems.push(`${twinOf(page)}: code missing from the twin: ${missing}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every reference page and its twin the same headings, field names and notes', () => {
    const pages = referencePages(model);
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.flatMap((page) => parityProblems(model, page, dist))).toEqual([]);
  });

  it('names every parameter and field of every operation in its twin and in /llms-full.txt', () => {
    const full = readFileSync(join(dist, 'llms-full.txt'), 'utf8');
    const missing: string[] = [];
    for (const summary of model.operations) {
      const twin = readFileSync(join(dist, twinUrl(summary.slug).slice(1)), 'utf8');
      const detail = model.detail(summary);
      for (const name of contractFieldNames(detail, { errors: false })) {
        if (!twin.includes(`\`${name}\``)) missing.push(`${twinUrl(summary.slug)}: ${name}`);
      }
      for (const name of contractFieldNames(detail, { errors: true })) {
        if (!full.includes(`\`${name}\``)) missing.push(`llms-full.txt: ${name}`);
      }
      if (!full.includes(`\`${summary.method.toUpperCase()} ${model.baseUrl}${summary.path}\``)) {
        missing.push(`llms-full.txt: ${summary.key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('serves an llms.txt that parses and whose every link is a file in dist/', () => {
    const { file, problems } = parseLlmsTxt(readFileSync(join(dist, 'llms.txt'), 'utf8'));
    expect(problems).toEqual([]);
    const links = file?.sections.flatMap((section) => section.links.map((link) => link.url)) ?? [];
    expect(links.length).toBeGreaterThan(0);
    const unresolved = links.filter((url) => {
      if (!url.startsWith(`${config.site}/`)) return true;
      return !existsSync(join(dist, decodeURI(url.slice(config.site.length + 1).split('#')[0] ?? '')));
    });
    expect(unresolved).toEqual([]);
    for (const section of [
      'api-reference/llms.txt',
      ...model.groups.map((group) => `${group.pageSlug}/llms.txt`),
    ]) {
      expect(parseLlmsTxt(readFileSync(join(dist, section), 'utf8')).problems, section).toEqual([]);
    }
  });

  it('introduces every page of llms-full.txt by its URL, guides first in sidebar order', () => {
    const full = readFileSync(join(dist, 'llms-full.txt'), 'utf8');
    const sources = [...full.matchAll(/^Source: (\S+)$/gm)].map((match) => match[1]);
    expect(sources.length).toBe(files(dist, '.md').length);
    expect(sources.slice(0, 2)).toEqual([`${config.site}/index.md`, `${config.site}/quickstart.md`]);
    expect(sources.indexOf(`${config.site}/api-reference.md`)).toBeGreaterThan(
      sources.indexOf(`${config.site}/quickstart.md`),
    );
  });

  it('serves the synced contract byte for byte at /openapi.json', () => {
    expect(readFileSync(join(dist, 'openapi.json'))).toEqual(readFileSync(config.contractPath));
  });
});
