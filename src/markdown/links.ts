import { twinUrl } from '../model/pages.ts';
import { siteBase } from './header.ts';

/** Files served as they are: a link to one keeps its extension instead of pointing at a twin. */
const FILE_EXTENSION = /\.[a-z0-9]+$/i;

/**
 * Where a link in a twin points. Internal page links become absolute links to
 * twins; files, other sites and same-page anchors are left as they are.
 *
 * - `/quickstart/` → `https://docs.ocpplab.com/quickstart.md`
 * - `/api-reference/x/create/#body` → `https://docs.ocpplab.com/api-reference/x/create.md#body`
 * - `/` → `https://docs.ocpplab.com/index.md`
 * - `../concepts/` from `/guides/auth/` → `https://docs.ocpplab.com/guides/concepts.md`
 * - `/openapi.json` → `https://docs.ocpplab.com/openapi.json`
 *
 * `from` is the URL of the page the link sits on (`/guides/auth/`), used for relative links.
 */
export function twinHref(href: string, site: string, from = '/'): string {
  if (href === '' || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
    return href;
  }
  const base = siteBase(site);
  const resolved = new URL(href, `https://site.invalid${from}`);
  const path = resolved.pathname;
  const suffix = `${resolved.search}${resolved.hash}`;
  if (FILE_EXTENSION.test(path)) return `${base}${path}${suffix}`;
  const slug = path.replace(/^\/+|\/+$/g, '');
  return `${base}${twinUrl(slug)}${suffix}`;
}

/** The absolute URL of a page's twin: `api-reference/schemas/charger` → `https://…/api-reference/schemas/charger.md`. */
export function twinLink(slug: string, site: string): string {
  return `${siteBase(site)}${twinUrl(slug)}`;
}
