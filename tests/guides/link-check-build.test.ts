/**
 * Scenario: `astro build` of a small site (the stub guides of tests/fixtures/guides/links and the
 * petstore contract) fails when a page links to something that was not built.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { asJsonContract, type BuildResult, runBuild, scratchDir } from '../support/site.ts';

const work = scratchDir('guides-links');
const contract = asJsonContract('tests/fixtures/contracts/oai-petstore.yaml', work);
const timeout = 180_000;

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The fixture guides with `links` in place of the Quickstart's BROKEN_LINKS line, built. */
function buildWith(name: string, links: string): Promise<BuildResult> {
  const docs = join(work, name, 'docs');
  cpSync('tests/fixtures/guides/links/docs', docs, { recursive: true });
  const quickstart = join(docs, 'quickstart.mdx');
  writeFileSync(quickstart, readFileSync(quickstart, 'utf8').replace('BROKEN_LINKS', links));
  return runBuild(join(work, name, 'dist'), {
    OCPPLAB_CONTRACT: contract,
    OCPPLAB_DOCS_DIR: relative(process.cwd(), docs),
    // A contract other than the committed one only warns by default; this test wants the failure.
    OCPPLAB_BROKEN_LINKS: 'error',
    NO_COLOR: '1',
  });
}

// One build after the other: each has its own folder and Astro cache (runBuild), but Astro writes
// the map of the MDX pages it renders to the project's .astro/content-modules.mjs, keyed by file
// path, so a second build of another docs folder at the same time can swap the map under the
// first, which then fails to render its guides (UnknownContentCollectionError).
describe('a broken internal link fails the build', () => {
  test(
    'a guide link to a missing page, at its file and line (starlight-links-validator)',
    async () => {
      const { code, log } = await buildWith('guide-link', 'See [the pricing](/pricing/).');
      expect(code).toBe(1);
      expect(log).toMatch(
        /\/guide-link\/docs\/quickstart\.mdx\n\s*·\n9 \| \/pricing\/\n\s*·\s*╰── invalid link\n/,
      );
      expect(log).toContain('Links validation failed.');
    },
    timeout,
  );

  test(
    'a link to a missing reference page or heading (linkCheck on the built HTML)',
    async () => {
      const { code, log } = await buildWith(
        'built-html',
        'See [the operation](/api-reference/pets/nope/) and [tenants](/support/#nope).',
      );
      expect(code).toBe(1);
      expect(log).toContain(
        [
          '/quickstart/: broken link to /api-reference/pets/nope/ (no page is built at that address)',
          '/quickstart/: broken link to /support/#nope (/support/ has no element with id "nope")',
          '2 broken internal links: fix the link or build the page it names',
        ].join('\n'),
      );
    },
    timeout,
  );
});
