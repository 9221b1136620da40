// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import { codeBlockLines } from './scripts/build/code-block-lines.ts';
import { codeTokenClasses } from './scripts/build/code-token-classes.ts';
import { hostFiles } from './scripts/build/host-files.ts';
import { linkCheck } from './scripts/guides/link-check.ts';
import { resolveSiteConfig } from './src/config.ts';
import { guideSidebarItems } from './src/guides.ts';
import { loadModel } from './src/model/load.ts';
import { REFERENCE_URL } from './src/model/pages.ts';
import { readUrlRecord, urlPlan } from './src/urls.ts';

// One resolved set of options (src/config.ts) for the build and the code it runs.
const config = resolveSiteConfig();
// Every internal link of every built page, the API reference included, has a target in dist/.
// Its parse starts before Starlight's build hook (Pagefind) and its report comes after.
const links = linkCheck({ site: config.site, failOnError: config.failOnBrokenLinks });
// The reference URLs published before (openapi/urls.json) that no longer hold their page: moved
// ones redirect to where it is now, removed ones get a notice (src/pages/api-reference/).
const urls = urlPlan(readUrlRecord(config.contractPath), loadModel(config.contractPath, config));

export default defineConfig({
  // The public URL of the site: twins, llms.txt and the MCP pointer are built from it.
  site: config.site,
  trailingSlash: 'always',
  // Builds that run at the same time (tests, benchmark) each get their own content-layer store.
  cacheDir: config.cacheDir,
  // Static redirect pages (meta refresh and a canonical link) work on any host; _redirects
  // (scripts/build/host-files.ts) gives the hosts that read it a real 301.
  redirects: Object.fromEntries(urls.moved.map(({ from, to }) => [from, { status: 301, destination: to }])),
  // Shared CSS and scripts go to cached files instead of into every page: with thousands of
  // operation pages, inlined copies were the largest part of dist/ after the content itself.
  // Pages are rendered 16 at a time: one at a time, the build spent about a third of its
  // page-generation phase waiting for each file to be written (1,000 operations: 20 s -> 14.5 s).
  build: { inlineStylesheets: 'never', concurrency: 16 },
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro wraps every MDX content entry in a module that starts with the marker
        // "use astro:head-inject" (read by its own head-propagation plugin before bundling);
        // Rolldown then warns that it may drop that directive, once per MDX page. The marker has
        // done its work by then, and the module is Astro's, not ours: nothing in this project
        // causes it (withastro/astro#18087, open for Astro 7.3). Exactly that warning is dropped;
        // every other one, MODULE_LEVEL_DIRECTIVE on any other directive included, is kept.
        onwarn(warning, warn) {
          if (
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            warning.message.includes('"use astro:head-inject"')
          )
            return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
    // Astro's own Markdown pipeline (Sätteri), with `## Heading {#id}`: the changelog's release
    // headings carry ids that stay the same whatever their text (the feed links to them).
    processor: satteri({ features: { headingAttributes: true } }),
  },
  server: {
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 4321),
  },
  integrations: [
    links.start,
    starlight({
      title: 'OCPPLAB Gateway',
      description: 'Documentation of the OCPPLAB Gateway API: drive fleets of simulated OCPP charge points.',
      sidebar: [
        // The guides' order lives in src/guides.ts, shared with llms.txt and llms-full.txt.
        { label: 'Docs', items: guideSidebarItems() },
        // Reference pages build their own, smaller sidebar (src/render/sidebar.ts).
        { label: 'API Reference', link: REFERENCE_URL },
      ],
      expressiveCode: {
        plugins: [
          // Plain blocks' lines in one row, and no second copy of the code in the copy button
          // (scripts/build/code-block-lines.ts). Before the token classes, which then join
          // tokens across lines.
          codeBlockLines(),
          // Token colours as classes whose rules live in the shared ec.css, not inline styles
          // repeated in every page (scripts/build/code-token-classes.ts).
          codeTokenClasses(),
          {
            // Search finds prose, not code: a guide's code blocks (curl flags, variable names,
            // JSON bodies) stay out of the Pagefind index, so `-X` or `CHARGER_ID` does not land
            // on every guide. Reference pages mark their own samples and examples.
            name: 'ocpplab-code-out-of-search',
            hooks: {
              postprocessRenderedBlock: ({ renderData }) => {
                renderData.blockAst.properties.dataPagefindIgnore = '';
              },
            },
          },
          {
            // A code block that scrolls sideways must be reachable by keyboard to be scrolled
            // (WCAG 2.1.1; axe's scrollable-region-focusable): every block's <pre> takes focus.
            name: 'ocpplab-focusable-code',
            hooks: {
              postprocessRenderedBlock: ({ renderData }) => {
                /** @param {any} node a hast node */
                const visit = (node) => {
                  if (node.type === 'element' && node.tagName === 'pre') node.properties.tabindex = '0';
                  for (const child of node.children ?? []) visit(child);
                };
                visit(renderData.blockAst);
              },
            },
          },
        ],
      },
      // Our 404 page is src/pages/404.astro: Starlight's route would look up a `docs/404` entry
      // and warn on every build that there is none.
      disable404Route: true,
      customCss: ['./src/styles/reference.css', './src/styles/frame.css'],
      // Our guides live in docs/, not src/content/docs: let Starlight's Markdown processing
      // (heading anchor links, asides written with :::) apply to them too.
      markdown: { processedDirs: [config.docsDir] },
      components: {
        // Adds the Docs / API Reference switch next to the site title.
        SiteTitle: './src/components/SiteTitle.astro',
        // "View as Markdown" and "Copy page" under every title.
        PageTitle: './src/components/PageTitle.astro',
        // Every page's <head> names its Markdown twin (rel="alternate" type="text/markdown").
        Head: './src/components/Head.astro',
        // The frame around every page's content, with lean markup: on an operation page it was
        // half of the page's bytes. Styles and icons in src/styles/frame.css.
        ThemeProvider: './src/components/frame/ThemeProvider.astro',
        ThemeSelect: './src/components/frame/ThemeSelect.astro',
        MobileMenuToggle: './src/components/frame/MobileMenuToggle.astro',
        LanguageSelect: './src/components/frame/LanguageSelect.astro',
        // Starlight's search button, named by what it shows (WCAG 2.5.3).
        Search: './src/components/frame/Search.astro',
        TableOfContents: './src/components/frame/TableOfContents.astro',
        MobileTableOfContents: './src/components/frame/MobileTableOfContents.astro',
        // Lean on API reference pages only; guides keep Starlight's.
        Sidebar: './src/components/frame/Sidebar.astro',
      },
      plugins: [
        // The guides' Markdown links, reported at their file and line. It cannot see the API
        // reference (routes rendered with <StarlightPage>, not docs entries), so links to it are
        // left to linkCheck, and neither the heading ids of pages outside src/content/docs (ours
        // are in docs/): linkCheck checks #fragments in the built HTML instead. Nor does it keep
        // what it read from docs/changelog.md (plain Markdown, rendered once by the content layer
        // before the build): links to /changelog/ are left to linkCheck too.
        starlightLinksValidator({
          exclude: [REFERENCE_URL, `${REFERENCE_URL}**`, '/changelog/', '/changelog/#*'],
          errorOnInvalidHashes: false,
        }),
      ],
    }),
    links.finish,
    // Brotli and gzip copies of text files and the `_headers` of static hosts, after the rest.
    hostFiles(urls),
  ],
});
