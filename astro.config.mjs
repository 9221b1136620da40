// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { guideSidebarItems } from './src/guides.ts';

// The public URL of the site: twins, llms.txt and the MCP pointer are built from it.
export const SITE = 'https://docs.ocpplab.com';

export default defineConfig({
  site: SITE,
  trailingSlash: 'always',
  server: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 4321),
  },
  integrations: [
    starlight({
      title: 'OCPPLAB Gateway',
      description: 'Documentation of the OCPPLAB Gateway API: drive fleets of simulated OCPP charge points.',
      sidebar: [
        // The guides' order lives in src/guides.ts, shared with llms.txt and llms-full.txt.
        { label: 'Docs', items: guideSidebarItems() },
        // Reference pages build their own, smaller sidebar (src/render/sidebar.ts).
        { label: 'API Reference', link: '/api-reference/' },
      ],
      customCss: ['./src/styles/reference.css'],
      components: {
        // Adds the Docs / API Reference switch next to the site title.
        SiteTitle: './src/components/SiteTitle.astro',
        // "View as Markdown" and "Copy page" under every title.
        PageTitle: './src/components/PageTitle.astro',
      },
    }),
  ],
});
