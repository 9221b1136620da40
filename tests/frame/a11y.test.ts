import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSite } from '../support/browser-site.ts';

const outDir = inject('committedSite');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.2 levels A and AA, as axe-core tags its rules. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Every guide (the workflows recipes by one of them: the six share one layout, and
 * `npm run test:a11y` checks them all) and one page of each reference kind: operation (panel and
 * console open), webhook, schema, tag, group, overview.
 */
const SAMPLE = [
  '/',
  '/quickstart/',
  '/authentication/',
  '/concepts/',
  '/making-requests/',
  '/workflows/',
  '/workflows/provision-a-fleet/',
  '/support/',
  '/changelog/',
  '/api-reference/',
  '/api-reference/core-resources/',
  '/api-reference/core-resources/chargers/',
  '/api-reference/core-resources/chargers/create/',
  '/api-reference/webhooks/charger-provisioning-updated/',
  '/api-reference/schemas/charger-create/',
];

/** Every built page (`npm run test:a11y`, several minutes), else the sample above. */
function pages(): string[] {
  if (process.env.OCPPLAB_A11Y_ALL !== '1') return SAMPLE;
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .sort();
}
const PAGES = pages();

interface Violation {
  id: string;
  nodes: { target: unknown[] }[];
}

describe('accessibility (axe-core, WCAG 2.2 A and AA) in Chromium', () => {
  const served = useBrowserSite(outDir);

  for (const theme of ['light', 'dark'] as const) {
    it(`finds no violation on ${PAGES === SAMPLE ? 'the guides and each kind of reference page' : `all ${PAGES.length} pages`}, ${theme} theme`, async () => {
      const context = await served.browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
      const page = await context.newPage();
      const found: string[] = [];
      try {
        for (const url of PAGES) {
          await page.goto(`${served.base}${url}`);
          // The operation page is checked with its "Try it" console open.
          if (await page.$('.ref-try-open')) {
            await page.click('.ref-try-open');
            await page.waitForSelector('.ref-try-send');
          }
          await page.addScriptTag({ content: AXE_SOURCE });
          const violations = (await page.evaluate(
            `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
          )) as Violation[];
          for (const violation of violations)
            for (const node of violation.nodes) {
              const target = node.target.join(' ');
              found.push(`${url} ${violation.id}: ${target}`);
            }
        }
      } finally {
        await context.close();
      }
      expect(found).toEqual([]);
    }, 1_800_000);
  }
});
