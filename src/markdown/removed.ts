import type { RemovedPage } from '../urls.ts';
import { twinHref } from './links.ts';

/** What a page key names, for a reader: `operation post /things` → `` the operation `POST /things` ``. */
function subject(key: string): string {
  const [kind = '', ...rest] = key.split(' ');
  const name = rest.join(' ');
  switch (kind) {
    case 'operation': {
      const [method = '', ...path] = rest;
      return `the operation \`${method.toUpperCase()} ${path.join(' ')}\``;
    }
    case 'webhook':
      return `the webhook \`${rest.slice(0, -1).join(' ')}\``;
    case 'schema':
      return `the schema \`${name}\``;
    case 'tag':
    case 'group':
      return `the ${kind} ${name}`;
    default:
      return 'a part of the API reference';
  }
}

/**
 * The notice a removed page's old URL serves, as Markdown: what it documented, the release that
 * removed it (linked to its changelog entry) and the closest page. `link` maps a site URL to the
 * one to write: as it is on the HTML page, to its twin in the Markdown twin.
 */
export function removedMarkdown(removed: RemovedPage, link: (url: string) => string = (url) => url): string {
  const when =
    removed.release === undefined
      ? `It is no longer part of the API: see [the changelog](${link(removed.changelog)}).`
      : `It was removed in ${removed.release.version}: see [the changelog entry](${link(removed.changelog)}).`;
  return [
    `This page documented ${subject(removed.page)} (${removed.title}). ${when}`,
    '',
    `The closest page that exists: [${removed.closest.title}](${link(removed.closest.url)}).`,
  ].join('\n');
}

/** The title of the page at a removed URL. */
export const removedTitle = (removed: RemovedPage) =>
  removed.release === undefined
    ? `${removed.title} (removed)`
    : `${removed.title} (removed in ${removed.release.version})`;

/** The notice for the twin: links to twins on the site, as every twin has them. */
export const removedTwin = (removed: RemovedPage, site: string) =>
  removedMarkdown(removed, (url) => twinHref(url, site, removed.url));
