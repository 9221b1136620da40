import { getCollection } from 'astro:content';
import { orderGuides } from '../guides.ts';
import { config, history, model, reference } from '../site.ts';
import type { LlmsInput } from './llms.ts';
import type { TwinContext, TwinPage } from './page.ts';

/**
 * What the twin and llms routes share, gathered once per build: the guides (from
 * the `docs` collection, in sidebar order), the reference pages and the context every renderer takes. The only module here that reads
 * Astro's content layer; everything it feeds is a pure function.
 */
export interface TwinSite {
  context: TwinContext;
  pages: TwinPage[];
  llms: LlmsInput;
}

let cached: Promise<TwinSite> | undefined;

export function twinSite(): Promise<TwinSite> {
  cached ??= gather();
  return cached;
}

/** `index` → `''`, `guides/index` → `guides`, `quickstart` → `quickstart`, as Starlight routes them. */
function guideSlug(id: string): string {
  return id === 'index' ? '' : id.replace(/\/index$/, '');
}

async function gather(): Promise<TwinSite> {
  const entries = await getCollection('docs');
  const sources = new Map(entries.map((entry) => [guideSlug(entry.id), entry.body ?? '']));
  const guides: TwinPage[] = orderGuides(
    entries.map((entry) => {
      const page: TwinPage = {
        kind: 'guide',
        slug: guideSlug(entry.id),
        title: entry.data.title,
        sourcePath: entry.filePath ?? `docs/${entry.id}`,
      };
      if (entry.data.description !== undefined) page.description = entry.data.description;
      return page;
    }),
  );
  const context: TwinContext = {
    site: config.site,
    model,
    mode: 'page',
    history,
    guideSource: (slug) => sources.get(slug),
  };
  const home = guides.find((page) => page.slug === '');
  const llms: LlmsInput = {
    title: home?.title ?? model.title,
    summary: home?.description ?? model.title,
    guides,
    reference,
  };
  return { context, pages: [...guides, ...reference], llms };
}
