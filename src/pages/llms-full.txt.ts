import type { APIRoute } from 'astro';
import { llmsFull } from '../markdown/llms.ts';
import { twinSite } from '../markdown/site-pages.ts';

/** `/llms-full.txt`: every page in sidebar order, in one file. */
export const GET: APIRoute = async () => {
  const { llms, context } = await twinSite();
  return new Response(llmsFull(llms, context), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
