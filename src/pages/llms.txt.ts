import type { APIRoute } from 'astro';
import { llmsTxt } from '../markdown/llms.ts';
import { twinSite } from '../markdown/site-pages.ts';

/** `/llms.txt`: the index of every page's twin, per llmstxt.org. */
export const GET: APIRoute = async () => {
  const { llms, context } = await twinSite();
  return new Response(llmsTxt(llms, context), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
