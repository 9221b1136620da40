/**
 * The guide lines a change touches: the lines of the `.md` and `.mdx` pages under `docs/`, its
 * subfolders (`docs/workflows/`) included, that still name what went away (a removed operation's
 * path or operationId, the old name of a removed or renamed parameter or field, a removed enum
 * value, a removed webhook), so the maintainer knows what to rewrite before the snippet tests
 * fail on it. The changelog, which names removed things on
 * purpose, is not searched.
 */
import path from 'node:path';
import type { Code, InlineCode } from 'mdast';
import { visit } from 'unist-util-visit';
import { parsePage } from '../snippets/extract.ts';
import { docsSnippetSources } from '../snippets/sources.ts';
import type { Change } from './diff.ts';
import { CHANGELOG_FILE } from './files.ts';

/** One line of a guide that names something a change removed. */
export interface GuideLine {
  /** `docs/quickstart.mdx`, relative to the project. */
  page: string;
  line: number;
  /** The name found on the line, as the change gives it (`old_name`, `/ocpp/chargers/{charger_id}/logs`). */
  name: string;
  /** The change, as the report prints it: `GET /ocpp/x: query parameter \`old_name\` removed`. */
  change: string;
}

export interface GuidePage {
  page: string;
  markdown: string;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How a name is looked for on a line. A path (`/ocpp/chargers/{charger_id}/logs`) matches
 * wherever it is written, prose or code, with any value in place of a `{parameter}`
 * (`$CHARGER_ID`, `${id}`, `CP-001`), and not as the start of a longer path. `METHOD /path`
 * (a removed operation whose path keeps other methods) also needs the method on the line, in
 * any case (`-X DELETE`, `requests.delete`). Any other name is a whole word (`old_name` but not
 * `old_names`), looked for in code only: inline code and fenced blocks, where fields,
 * parameters and values are written; in prose `status` is a word as often as a field.
 */
interface Matcher {
  name: string;
  change: string;
  /** Whether a prose line counts, or only code. */
  anywhere: boolean;
  test: (line: string) => boolean;
}

function matcherFor(name: string, change: string): Matcher {
  const operation = /^([A-Z]+) (\/.*)$/.exec(name);
  const path = operation?.[2] ?? (name.startsWith('/') ? name : undefined);
  if (path !== undefined) {
    const pattern = path
      .split(/(\{[^}]*\})/)
      .map((part) => (/^\{[^}]*\}$/.test(part) ? '[^/\\s"\'`?#]+' : literal(part)))
      .join('');
    const pathPattern = new RegExp(`${pattern}(?![\\w{}$-]|/[\\w{$])`);
    const method = operation?.[1] === undefined ? undefined : new RegExp(`\\b${operation[1]}\\b`, 'i');
    return {
      name,
      change,
      anywhere: true,
      test: (line) => pathPattern.test(line) && (method === undefined || method.test(line)),
    };
  }
  const word = new RegExp(`(?<![\\w-])${literal(name)}(?![\\w-])`);
  return { name, change, anywhere: false, test: (line) => word.test(line) };
}

/** The lines of a page's code (fenced blocks, inline code), with their line numbers in the file. */
function codeLines(page: GuidePage): Map<number, string[]> {
  const lines = new Map<number, string[]>();
  const add = (line: number, text: string) => lines.set(line, [...(lines.get(line) ?? []), text]);
  visit(parsePage(page), (node) => {
    const start = node.position?.start.line;
    if (start === undefined) return;
    if (node.type === 'code') {
      // The block's first line is the one after its opening fence.
      (node as Code).value.split('\n').forEach((text, index) => {
        add(start + 1 + index, text);
      });
    } else if (node.type === 'inlineCode') {
      add(start, (node as InlineCode).value);
    }
  });
  return lines;
}

const describe = (change: Change) =>
  `${change.operation === null ? '' : `${change.operation}: `}${change.message}`;

/** Every guide line that names what one of `changes` removed, by page and line. Pure. */
export function guideLinesOf(pages: readonly GuidePage[], changes: readonly Change[]): GuideLine[] {
  const matchers = changes.flatMap((change) =>
    (change.names ?? []).map((name) => matcherFor(name, describe(change))),
  );
  if (matchers.length === 0) return [];
  const found: GuideLine[] = [];
  for (const page of pages) {
    if (page.page === CHANGELOG_FILE) continue;
    const code = matchers.some((matcher) => !matcher.anywhere) ? codeLines(page) : new Map();
    page.markdown.split('\n').forEach((text, index) => {
      const line = index + 1;
      const inCode: string[] = code.get(line) ?? [];
      for (const matcher of matchers) {
        const hit = matcher.anywhere ? matcher.test(text) : inCode.some((part) => matcher.test(part));
        if (hit) found.push({ page: page.page, line, name: matcher.name, change: matcher.change });
      }
    });
  }
  return found;
}

/** The guide lines of `<root>/docs` that `changes` touch (none when no change removed a name). */
export async function guideLinesTouched(root: string, changes: readonly Change[]): Promise<GuideLine[]> {
  if (!changes.some((change) => (change.names ?? []).length > 0)) return [];
  const pages = await docsSnippetSources(path.join(root, 'docs'), root);
  return guideLinesOf(pages, changes);
}
