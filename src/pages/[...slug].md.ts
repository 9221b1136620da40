import type { APIRoute, GetStaticPaths } from 'astro';
import { pageTwin, type TwinPage } from '../markdown/page.ts';
import { removedTitle } from '../markdown/removed.ts';
import { twinSite } from '../markdown/site-pages.ts';
import { twinUrl } from '../model/pages.ts';
import { urls } from '../site.ts';

/** The Markdown twin of every page: `/quickstart.md`, `/index.md`, `/api-reference/…/create.md`. */
export const getStaticPaths = (async () => {
  const { pages } = await twinSite();
  // The old URLs of removed pages have twins too, outside llms.txt (they document nothing).
  const removed: TwinPage[] = urls.removed.map((page) => ({
    kind: 'removed',
    slug: page.slug,
    title: removedTitle(page),
    description: `Removed from the API reference.`,
    removed: page,
  }));
  return [...pages, ...removed].map((page) => ({
    // `twinUrl` without its leading `/` and `.md`: `index` for the home page.
    params: { slug: twinUrl(page.slug).slice(1, -'.md'.length) },
    props: { page },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: TwinPage }> = async ({ props }) => {
  const { context } = await twinSite();
  return new Response(pageTwin(props.page, context), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
