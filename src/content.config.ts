import { docsSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { defineCollection, z } from 'astro:content';

// Hand-written pages live in the top-level docs/ folder (not src/content/docs),
// so that the contract, the scripts and the prose sit side by side.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        // `sequence`: the page's code blocks run in order and share state
        // (a quickstart that creates a location, then a charger in it).
        snippets: z.enum(['independent', 'sequence']).default('independent'),
      }),
    }),
  }),
};
