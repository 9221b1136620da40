import type { APIRoute, GetStaticPaths } from 'astro';
import { sectionLlmsTxt, sectionSlugs } from '../../markdown/llms.ts';
import { twinSite } from '../../markdown/site-pages.ts';
import { REFERENCE_BASE } from '../../model/navigation.ts';

/**
 * `/api-reference/llms.txt` and `/api-reference/<group>/llms.txt`: the index of
 * one section, what `/llms.txt` links when the whole reference is too long to list.
 */
export const getStaticPaths = (async () => {
  const { context } = await twinSite();
  return sectionSlugs(context, REFERENCE_BASE).map((section) => ({ params: { section } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { llms, context } = await twinSite();
  return new Response(sectionLlmsTxt(llms, context, params.section ?? REFERENCE_BASE), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
