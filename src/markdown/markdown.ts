import type { Options } from 'remark-stringify';
import { header } from './header.ts';

/** How every twin writes Markdown: `-` bullets, fenced code, `_emphasis_`, `**strong**`. */
export const MARKDOWN_OPTIONS: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
};

/** A whole twin: the header block, the page title as H1, then the body. Ends with one newline. */
export function twinDocument(site: string, title: string, body: string): string {
  const content = body.trim();
  return `${header(site)}\n\n# ${title}\n${content === '' ? '' : `\n${content}\n`}`;
}

/** A fenced code block, with a fence longer than any backtick run inside the code. */
export function fence(lang: string, code: string, title?: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  const meta = title === undefined ? '' : ` title="${title.replace(/["\\]/g, '\\$&')}"`;
  return `${marks}${lang}${meta}\n${code.replace(/\n+$/, '')}\n${marks}`;
}

/** Inline code, with enough backticks around it to hold any inside. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${marks}${pad}${text}${pad}${marks}`;
}
