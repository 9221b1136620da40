/**
 * Parity of a reference page and its Markdown twin: the same section headings, the same field
 * names and every note of the view layer (src/view/notes.ts) in both. Field lists are compared
 * as sets: the page lists a named schema once and points back to it, the twin may repeat it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { ListItem, Root as MdastRoot } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { pageUrl, type ReferencePage, twinUrl } from '../../src/model/pages.ts';
import type { ApiModel } from '../../src/model/types.ts';
import { fieldsFileUrl } from '../../src/render/page-fields.ts';
import { pageNotes } from '../../src/view/notes.ts';

const squash = (text: string) => text.replace(/\s+/g, '');
const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdastRoot;

interface Reading {
  headings: string[];
  fields: Set<string>;
  /** Every variant name, members or not (the page may point back to members listed above). */
  variants?: Set<string>;
  text: string;
}

function readHtmlPage(html: string, deferred: readonly string[] = []): Reading {
  const tree: HastRoot = fromHtml(html);
  const found = select('.sl-markdown-content', tree);
  if (found === undefined) return { headings: [], fields: new Set(), text: '' };
  // Lists deferred past the page's field budget load into the page when opened: read them in.
  const lists = deferred.flatMap((list) => fromHtml(list, { fragment: true }).children as ElementContent[]);
  const content: Element = { ...found, children: [...found.children, ...lists] };
  return {
    headings: selectAll('h2, h3', content).map((node) => `${node.tagName} ${squash(toText(node))}`),
    // Field names, response header names and the names of variants with members: the twin lists
    // them all as `name` (…). A variant that is only a type (`Option 1` string) has no line there.
    fields: new Set([
      ...selectAll('code.f-n, .ref-headers dt > code', content).map((node) => toText(node)),
      ...selectAll('li.ref-variant', content)
        .filter((variant) => select('ul', variant) !== undefined)
        .map((variant) => toText(select('.ref-variant-name', variant) ?? variant)),
    ]),
    variants: new Set(selectAll('.ref-variant-name', content).map((node) => toText(node))),
    text: squash(toText(content)),
  };
}

/** The twin's sections whose lists are field lists. */
const FIELD_SECTIONS = new Set([
  'Parameters',
  'Request body',
  'Responses',
  'Errors',
  'Payload',
  'Fields',
  'Common headers',
  'Pagination',
]);

/**
 * The name a twin's list item gives, if it is a field, variant or header line: `name` first
 * (alone or followed by its type or description), a linked schema name, or a variant's label
 * before its type when members follow.
 */
function itemName(item: ListItem): string | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const [lead, after] = first.children;
  const continues = after === undefined || (after.type === 'text' && /^( \(|:|\n)/.test(after.value));
  if ((lead?.type === 'inlineCode' || lead?.type === 'link') && continues)
    return lead.type === 'inlineCode' ? lead.value : mdastText(lead);
  if (lead?.type === 'text' && item.children.some((child) => child.type === 'list'))
    return /^(.+?) \(/.exec(lead.value)?.[1];
  return undefined;
}

function readTwin(markdown: string): Reading {
  const tree = parse(markdown);
  const headings: string[] = [];
  const fields = new Set<string>();
  let section = '';
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) section = mdastText(node);
    if (node.type !== 'list' || !FIELD_SECTIONS.has(section)) continue;
    visit(node, 'listItem', (item: ListItem) => {
      const name = itemName(item);
      if (name !== undefined) fields.add(name);
    });
  }
  visit(tree, 'heading', (node) => {
    if (node.depth === 2 || node.depth === 3) headings.push(`h${node.depth} ${squash(mdastText(node))}`);
  });
  return { headings, fields, text: squash(mdastText(tree)) };
}

/** What differs between a reference page of `dist` and its twin; `[]` when they agree. */
export function parityProblems(model: ApiModel, page: ReferencePage, dist: string): string[] {
  const htmlFile = join(dist, pageUrl(page.slug), 'index.html');
  const twinFile = join(dist, twinUrl(page.slug));
  if (!existsSync(htmlFile) || !existsSync(twinFile)) return [`${page.slug}: page or twin missing`];
  const fieldsFile = join(dist, fieldsFileUrl(page.slug));
  const deferred = existsSync(fieldsFile)
    ? Object.values(JSON.parse(readFileSync(fieldsFile, 'utf8')) as Record<string, string>)
    : [];
  const html = readHtmlPage(readFileSync(htmlFile, 'utf8'), deferred);
  const twin = readTwin(readFileSync(twinFile, 'utf8'));
  const problems: string[] = [];
  if (html.headings.join('\n') !== twin.headings.join('\n'))
    problems.push(
      `${page.slug}: headings\n  page: ${html.headings.join(' | ')}\n  twin: ${twin.headings.join(' | ')}`,
    );
  const servers = new Set(model.servers.map((server) => server.url));
  const pageOnly = [...html.fields].filter((name) => !twin.fields.has(name));
  const twinOnly = [...twin.fields].filter(
    (name) => !html.fields.has(name) && !html.variants?.has(name) && !servers.has(name),
  );
  if (pageOnly.length > 0) problems.push(`${page.slug}: fields only on the page: ${pageOnly.join(', ')}`);
  if (twinOnly.length > 0) problems.push(`${page.slug}: fields only in the twin: ${twinOnly.join(', ')}`);
  for (const note of pageNotes(model, page)) {
    const text = squash(mdastText(parse(note)));
    if (!html.text.includes(text)) problems.push(`${page.slug}: note not on the page: ${note}`);
    if (!twin.text.includes(text)) problems.push(`${page.slug}: note not in the twin: ${note}`);
  }
  return problems;
}
