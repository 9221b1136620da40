// The Atom feed of the changelog: one entry per release of docs/changelog.md, each linking to
// its heading on the changelog page. Pure: the route (src/pages/changelog.xml.ts) reads the file.
import { Feed } from 'feed';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { CHANGELOG_URL, FEED_URL, parseChangelog } from './changelog.ts';

export interface FeedInput {
  /** The changelog page's Markdown, frontmatter included, and its file for error messages. */
  source: string | undefined;
  file: string;
  /** The public site URL (`config.site`). */
  site: string;
  /** The API's title, the feed's author. */
  title: string;
}

const absolute = (url: string, base: string) => new URL(url, base).href;

/** An entry's body as HTML, every link absolute (feed readers resolve them against nothing). */
function entryHtml(body: Root['children'], page: string): string {
  const tree: Root = structuredClone({ type: 'root', children: body });
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') node.url = absolute(node.url, page);
  });
  const processor = unified().use(remarkRehype).use(rehypeStringify);
  return processor.stringify(processor.runSync(tree));
}

/** The Atom document of the changelog (no entries when the docs have no changelog page). */
export function changelogFeed({ source, file, site, title }: FeedInput): string {
  const page = absolute(CHANGELOG_URL, site);
  const releases = source === undefined ? [] : parseChangelog(source, file);
  const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
  // Atom dates every entry: one without a date of its own takes that of the release below it.
  const dates = releases.map((_, index) => releases.slice(index).find((r) => r.date !== undefined)?.date);
  const newest = dates
    .filter((date) => date !== undefined)
    .sort()
    .at(-1);
  const feed = new Feed({
    id: page,
    title: `${title} changelog`,
    description: `What changed in the ${title} contract, newest first.`,
    link: page,
    feedLinks: { atom: absolute(FEED_URL, site) },
    author: { name: title, link: absolute('/', site) },
    language: 'en',
    updated: newest === undefined ? new Date(0) : dateOf(newest),
    generator: false,
  });
  for (const [index, release] of releases.entries()) {
    const link = `${page}#${release.anchor}`;
    feed.addItem({
      id: link,
      link,
      title: release.title,
      date: dateOf(dates[index] ?? '1970-01-01'),
      content: entryHtml(release.body, page),
    });
  }
  return feed.atom1();
}
