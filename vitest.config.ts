import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Tests that read the one build of the committed site made by its global setup. */
const SITE_TESTS = [
  'tests/reference/site.test.ts',
  'tests/markdown/site.test.ts',
  'tests/frame/site.test.ts',
  'tests/frame/page-menu.test.ts',
  'tests/reference/workspace.test.ts',
  'tests/frame/a11y.test.ts',
  'tests/reference/try-it.test.ts',
  'tests/build/quiet.test.ts',
  'tests/frame/search.test.ts',
  'tests/guides/page-weight.test.ts',
  'tests/guides/moved-anchors.test.ts',
  'tests/changelog/site.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Vitest's default leaves one core free (one worker on 2 cores), but most of the long test
    // files wait on child processes (builds, Chromium, Prism, tsc): one worker per core keeps
    // both cores busy. Builds take turns (tests/support/site.ts); the other tests run beside them.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: SITE_TESTS } },
      {
        extends: true,
        test: { name: 'site', include: SITE_TESTS, globalSetup: ['tests/support/committed-site.ts'] },
      },
    ],
  },
});
