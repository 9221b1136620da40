// The changelog page (docs/changelog.md, written by `npm run sync`) read as a list of releases:
// what the Atom feed, the sync's new entries and the reference pages' history are made from.
import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import { remarkHeadingId } from 'remark-custom-heading-id';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { FileError } from './file-error.ts';
import { splitFrontmatter } from './markdown/frontmatter.ts';

/** The changelog's page and the feed made from it, below the site root. */
export const CHANGELOG_URL = '/changelog/';
export const FEED_URL = '/changelog.xml';
/** Where the page lives, relative to the docs folder. */
export const CHANGELOG_SOURCE = 'changelog.md';

/**
 * `1.7.0 (2026-12-03)`, the text of every release heading the sync writes; a date-less `1.0.0`,
 * as a page written by hand may have, is read too.
 */
const RELEASE_TITLE = /^(?<version>\S+)(?: \((?<date>\d{4}-\d{2}-\d{2})\))?$/;

export interface Release {
  version: string;
  /** `YYYY-MM-DD`, undefined when the heading has none. */
  date: string | undefined;
  /** The heading's id on the page: its `{#id}`, else the id the site derives from its text. */
  anchor: string;
  /** The heading as text, without its `{#id}`. */
  title: string;
  /** The Markdown nodes of the entry, below its heading, up to the next release. */
  body: RootContent[];
  /** 1-based line of the heading in the file. */
  line: number;
}

/** A parser of the changelog: remark with GFM and the `{#id}` heading extension. */
function changelogProcessor() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkHeadingId);
}

/**
 * The releases of a changelog page, newest first as written. Each `## ` heading is a release
 * (`## 1.7.0 (2026-12-03) {#v1-7-0}`); one that is not stops with its file and line, since the
 * sync inserts new entries above the first `## ` heading. Headings written before anchors were
 * (`## 1.6.0 (2026-11-24)`) keep the id the site gives them from their text (GitHub's slugs, as
 * Astro's Markdown pipeline makes them), so their links stay valid.
 */
export function parseChangelog(source: string, file: string): Release[] {
  const { body } = splitFrontmatter(source);
  const processor = changelogProcessor();
  const tree = processor.runSync(processor.parse(body)) as Root;
  const slugger = new GithubSlugger();
  const releases: Release[] = [];
  let current: Release | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const title = mdastText(node);
      const explicit = headingId(node);
      // The site's slugger counts every heading without an id of its own, in page order.
      const anchor = explicit ?? slugger.slug(title);
      if (node.depth === 2) {
        const line = node.position?.start.line ?? 0;
        const match = RELEASE_TITLE.exec(title);
        if (match?.groups === undefined) {
          throw new FileError(
            `${file}:${line}`,
            `"## ${title}" is not a release heading ("## <version> (<YYYY-MM-DD>) {#<anchor>}")`,
            'write other sections of the page at level 3 (###) or below: the sync adds each release above the first "## " heading',
          );
        }
        current = {
          version: match.groups.version ?? '',
          date: match.groups.date,
          anchor,
          title,
          body: [],
          line,
        };
        releases.push(current);
        continue;
      }
    }
    current?.body.push(node);
  }
  return releases;
}

function headingId(node: Heading): string | undefined {
  const id = (node.data as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * The anchor of a new release: `v` and the version with every run of other characters than
 * letters and digits as one `-` (`1.7.0` → `v1-7-0`); a version already on the page (a second
 * sync of the same version) gets `-2`, `-3`…, so no existing anchor ever changes.
 */
export function releaseAnchor(version: string, taken: ReadonlySet<string>): string {
  const base = `v${version
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
