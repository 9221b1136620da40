import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { lock } from 'proper-lockfile';
import { parse as parseYaml } from 'yaml';
import { astroBuild } from '../../scripts/astro-build.ts';

/**
 * A fresh directory for one test build, below the project: Astro keeps a
 * build's server chunks next to its outDir only when that is inside the
 * working directory (otherwise in the shared ./.astro, where parallel builds collide).
 */
export function scratchDir(prefix: string): string {
  mkdirSync('.cache', { recursive: true });
  return resolve(mkdtempSync(join('.cache', `${prefix}-`)));
}

/** The contract as a JSON file the build can read (fixtures may be YAML). */
export function asJsonContract(path: string, dir: string): string {
  if (path.endsWith('.json')) return resolve(path);
  const out = join(dir, `${basename(path).replace(/\.ya?ml$/, '')}.json`);
  writeFileSync(out, JSON.stringify(parseYaml(readFileSync(path, 'utf8'))));
  return out;
}

/**
 * The environment of a build as `npm run build` has it. Vitest mirrors
 * `import.meta.env` into `process.env` (NODE_ENV=test, MODE, DEV=1, PROD, SSR,
 * BASE_URL), which Astro reads: the site would be built in development mode,
 * where Starlight's search says "only available in production builds".
 */
const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
  for (const [name, value] of Object.entries(process.env)) {
    if (VITEST_ENV.has(name) || name.startsWith('VITEST')) continue;
    env[name] = value;
  }
  return env;
}

export interface BuildResult {
  code: number | null;
  /** stdout and stderr, interleaved as they came. */
  log: string;
}

/**
 * `astro build` into `outDir` in production mode, with `env` laid over the environment
 * (`OCPPLAB_CONTRACT`, `OCPPLAB_DOCS_DIR`, …) and an Astro cache of its own, once no other test
 * build runs. Resolves with the exit code and the log, so a test can assert a build that must fail.
 */
export async function runBuild(outDir: string, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  const release = await lock(BUILD_LOCK, {
    realpath: false,
    // Builds queue here for as long as the longest test run's builds take.
    retries: { retries: 1200, factor: 1, minTimeout: 500, maxTimeout: 500 },
  });
  try {
    return await astroBuildOf(outDir, env);
  } finally {
    await release();
  }
}

/**
 * Test builds run one at a time, across vitest's workers: every build of one checkout writes
 * Astro's `.astro/content-modules.mjs` (the map of content files to modules) in the project root,
 * so a build of other guides (the link-check test's copies) running meanwhile would render from
 * the wrong map ("UnknownContentCollectionError"). Other tests run beside them.
 */
const BUILD_LOCK = resolve('.cache/astro-build');

function astroBuildOf(outDir: string, env: NodeJS.ProcessEnv): Promise<BuildResult> {
  return new Promise((done, fail) => {
    const child = astroBuild(['--outDir', outDir], {
      // A content-layer store of its own, so that builds of other test files can run meanwhile.
      env: { ...buildEnv(), OCPPLAB_CACHE_DIR: `${outDir}.astro-cache`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const collect = (chunk: Buffer) => {
      log += chunk.toString();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', fail);
    child.on('close', (code) => done({ code, log }));
  });
}

/**
 * One-paragraph stand-ins for the guides (tests/fixtures/guides/stub): builds made to check the
 * API reference of a contract skip rendering the real guides, about half of a small build's time.
 */
export const STUB_GUIDES = 'tests/fixtures/guides/stub/docs';

/**
 * `astro build` of the API reference of `contract` (with the stub guides) into `outDir`; rejects
 * with the log's tail.
 */
export async function buildSite(contract: string, outDir: string): Promise<void> {
  const { code, log } = await runBuild(outDir, { OCPPLAB_CONTRACT: contract, OCPPLAB_DOCS_DIR: STUB_GUIDES });
  if (code !== 0) throw new Error(`astro build of ${contract} failed (exit ${code}):\n${log.slice(-3000)}`);
}

/** The built HTML of a page URL (`/api-reference/x/`), parsed. */
export function readPage(outDir: string, url: string): Root {
  return fromHtml(readFileSync(join(outDir, url, 'index.html'), 'utf8'));
}

export function readHtml(outDir: string, url: string): string {
  return readFileSync(join(outDir, url, 'index.html'), 'utf8');
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
