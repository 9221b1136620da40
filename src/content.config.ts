import { defineCollection, z } from 'astro:content';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { resolveSiteConfig } from './config.ts';

// Hand-written pages live in the top-level docs/ folder (not src/content/docs),
// so that the contract, the scripts and the prose sit side by side
// (another folder with OCPPLAB_DOCS_DIR, for small build tests).
export const collections = {
  docs: defineCollection({
    loader: glob({ base: resolveSiteConfig().docsDir, pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        // `sequence`: the page's code blocks run in order and share state
        // (a quickstart that creates a location, then a charger in it).
        snippets: z.enum(['independent', 'sequence']).default('independent'),
      }),
    }),
  }),
  // Starlight reads its UI strings from this collection on every build, whether or not a site
  // overrides any. Declared with Starlight's loader and schema and one entry
  // (src/content/i18n/en.json, no overrides), because Astro warns when the collection it asks for
  // is undefined and the glob loader warns when its folder holds no file.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
