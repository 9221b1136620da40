/**
 * Links: the built site's HTML pages → the internal links whose target was not built.
 * Pure; the build hook (`link-check.ts`) reads `dist/` and reports. It sees every page, the
 * guides as well as the API reference pages rendered outside the docs collection, and every
 * link of a page (content, sidebar, pagination), which starlight-links-validator does not.
 */
import { Parser } from 'htmlparser2';

export interface BrokenLink {
  /** The page holding the link (`/quickstart/`). */
  page: string;
  /** The link as written in the page's `href`. */
  href: string;
  /** Why it is broken: `no page is built at that address`, or the missing `#fragment`. */
  reason: string;
}

/** `dist/quickstart/index.html` → `/quickstart/`; `dist/404.html` → `/404.html`. */
export function pageUrlOf(relativeFile: string): string {
  const path = `/${relativeFile.split('\\').join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * The output files a URL path can be served from: `/a/` → `a/index.html`; `/a.md`,
 * `/openapi.json` → themselves. A path without a trailing slash is not a page: the site is
 * built with `trailingSlash: 'always'`, so `/a` is broken even when `/a/` exists.
 */
export function outputFileOf(pathname: string): string {
  const path = pathname.replace(/^\/+/, '');
  return pathname.endsWith('/') ? `${path}index.html` : path;
}

/**
 * The `href` of every `<a>` and the `id` of every element of a page. htmlparser2's streaming
 * parser (attributes decoded, no tree built) keeps this fast on sites of thousands of pages.
 */
function linksAndIds(html: string): { hrefs: string[]; ids: Set<string> } {
  const hrefs: string[] = [];
  const ids = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'a' && attributes.href !== undefined) hrefs.push(attributes.href);
        if (attributes.id !== undefined) ids.add(attributes.id);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { hrefs, ids };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The path and fragment inside the site that `href` (on `page`) points to, or undefined for a
 * link that leaves the site (another origin, `mailto:`).
 */
export function internalTarget(
  href: string,
  page: string,
  site: string,
): { path: string; hash: string } | undefined {
  const origin = new URL(site).origin;
  let url: URL;
  try {
    url = new URL(href, new URL(page, origin));
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  return { path: decode(url.pathname), hash: decode(url.hash.slice(1)) };
}

/** A built page reduced to what the check needs: its links and its element ids. */
export interface ParsedPage {
  /** Its URL path (`/quickstart/`). */
  url: string;
  hrefs: string[];
  ids: Set<string>;
}

/** A built HTML page at `url`, parsed for the check. */
export function parseBuiltPage(url: string, html: string): ParsedPage {
  return { url, ...linksAndIds(html) };
}

/**
 * Every internal link of `parsed` whose target file `exists` says is absent, or whose
 * `#fragment` names no element of the built target page.
 */
export function brokenLinksOf(
  parsed: readonly ParsedPage[],
  exists: (outputFile: string) => boolean,
  site: string,
): BrokenLink[] {
  const idsByFile = new Map(parsed.map(({ url, ids }) => [outputFileOf(url), ids]));
  const known = new Map<string, boolean>();
  const broken: BrokenLink[] = [];
  for (const { url, hrefs } of parsed) {
    for (const href of hrefs) {
      const target = internalTarget(href, url, site);
      if (target === undefined) continue;
      const file = outputFileOf(target.path);
      let found = known.get(file);
      if (found === undefined) {
        found = idsByFile.has(file) || exists(file);
        known.set(file, found);
      }
      if (!found) {
        broken.push({ page: url, href, reason: 'no page is built at that address' });
        continue;
      }
      const ids = idsByFile.get(file);
      if (target.hash !== '' && ids !== undefined && !ids.has(target.hash)) {
        broken.push({
          page: url,
          href,
          reason: `${target.path} has no element with id "${target.hash}"`,
        });
      }
    }
  }
  return broken;
}

/** `/quickstart/: broken link to /api-reference/nope/ (no page is built at that address)` */
export function formatBrokenLink(link: BrokenLink): string {
  return `${link.page}: broken link to ${link.href} (${link.reason})`;
}
