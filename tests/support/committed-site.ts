/**
 * Global setup of the `site` test project: builds the site from the committed contract once
 * per run and hands its folder to every test that reads it (`inject('committedSite')`), so the
 * reference and twin checks read the same build instead of each making their own.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runBuild, scratchDir } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `dist/` of the committed site, built for this test run. */
    committedSite: string;
    /** What that build printed, stdout and stderr interleaved. */
    committedSiteLog: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const work = scratchDir('committed-site');
  const outDir = join(work, 'dist');
  const { code, log } = await runBuild(outDir);
  if (code !== 0)
    throw new Error(`astro build of the committed site failed (exit ${code}):\n${log.slice(-3000)}`);
  project.provide('committedSite', outDir);
  project.provide('committedSiteLog', log);
  return () => rmSync(work, { recursive: true, force: true });
}
