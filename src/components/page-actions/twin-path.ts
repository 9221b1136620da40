import { twinUrl } from '../../model/pages.ts';

/** The twin of the page at a URL path: `/quickstart/` → `/quickstart.md`, `/` → `/index.md`. */
export function twinPath(pathname: string): string {
  return twinUrl(
    decodeURI(pathname)
      .replace(/^\/+|\/+$/g, '')
      .replace(/\/index(\.html)?$|^index(\.html)?$/, ''),
  );
}
