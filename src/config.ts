import { resolve } from 'node:path';
import { z } from 'zod';

/** Options of the site build, resolved once; code and tests read these defaults from here. */
const siteConfigSchema = z.object({
  /**
   * The public URL of the site; twins, llms.txt and the MCP pointer are built from it.
   * @default 'https://docs.ocpplab.com'
   */
  site: z.url().default('https://docs.ocpplab.com'),
  /**
   * The synced contract every reference page is made from.
   * @default 'openapi/openapi.json'
   */
  contractPath: z.string().default('openapi/openapi.json'),
  /**
   * The environment variable every code example reads the API token from.
   * @default 'OCPPLAB_TOKEN'
   */
  tokenEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/)
    .default('OCPPLAB_TOKEN'),
  /**
   * Nesting depth after which a named schema is linked instead of expanded.
   * @default 6
   */
  maxSchemaDepth: z.number().int().min(1).max(32).default(6),
  /**
   * The folder of the hand-written pages (the `docs` content collection), relative to the project
   * root; a fixture folder makes a small site for build tests.
   * @default 'docs'
   */
  docsDir: z.string().min(1).default('docs'),
  /**
   * Whether a broken internal link fails the build (else it is a warning). Off by default when
   * `OCPPLAB_CONTRACT` names another contract: fixture and benchmark builds keep the real guides,
   * whose links name the committed contract's reference pages. `OCPPLAB_BROKEN_LINKS=error|warn`
   * decides explicitly.
   * @default true
   */
  failOnBrokenLinks: z.boolean().default(true),
  /**
   * A mock of the contract for the "Try it" console on a static host (a Prism you run yourself,
   * e.g. `https://mock.example.com`). Empty: the console asks the serving host for its own mock
   * (`npm start` runs one at /_mock/) and offers only the contract's servers without one.
   * `OCPPLAB_TRY_IT_MOCK` sets it.
   * @default ''
   */
  tryItMock: z.union([z.url(), z.literal('')]).default(''),
  /**
   * Astro's cache folder (its content-layer store among others), relative to the project root.
   * The tests give each of their builds its own, so that none reads a store another build wrote
   * from other guides or another contract. `OCPPLAB_CACHE_DIR` sets it.
   * @default 'node_modules/.astro'
   */
  cacheDir: z.string().min(1).default('node_modules/.astro'),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/**
 * The options in force: defaults, overridden by `OCPPLAB_CONTRACT` (a contract
 * path, used by the benchmark and fixture builds), `OCPPLAB_DOCS_DIR` (a folder of
 * pages, used by the link-check build test), `OCPPLAB_BROKEN_LINKS`, `OCPPLAB_TRY_IT_MOCK`,
 * `OCPPLAB_CACHE_DIR` and by explicit values.
 */
export function resolveSiteConfig(
  overrides: Partial<SiteConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): SiteConfig {
  const fromEnv: Partial<SiteConfig> = {};
  if (env.OCPPLAB_CONTRACT) fromEnv.contractPath = env.OCPPLAB_CONTRACT;
  if (env.OCPPLAB_SITE) fromEnv.site = env.OCPPLAB_SITE;
  if (env.OCPPLAB_DOCS_DIR) fromEnv.docsDir = env.OCPPLAB_DOCS_DIR;
  if (env.OCPPLAB_TRY_IT_MOCK) fromEnv.tryItMock = env.OCPPLAB_TRY_IT_MOCK;
  if (env.OCPPLAB_CACHE_DIR) fromEnv.cacheDir = env.OCPPLAB_CACHE_DIR;
  const committed = siteConfigSchema.shape.contractPath.parse(undefined);
  if (env.OCPPLAB_CONTRACT && resolve(env.OCPPLAB_CONTRACT) !== resolve(committed))
    fromEnv.failOnBrokenLinks = false;
  if (env.OCPPLAB_BROKEN_LINKS === 'error' || env.OCPPLAB_BROKEN_LINKS === 'warn')
    fromEnv.failOnBrokenLinks = env.OCPPLAB_BROKEN_LINKS === 'error';
  return siteConfigSchema.parse({ ...fromEnv, ...overrides });
}

/** Where `npm start` listens unless `HOST` and `PORT` say otherwise. */
export const SERVE_DEFAULTS = { host: '127.0.0.1', port: 4321 } as const;

/** The address `npm start` listens on: `HOST` and `PORT` over the defaults; `port` is NaN when `PORT` is not a number. */
export function serveAddress(env: NodeJS.ProcessEnv = process.env): { host: string; port: number } {
  return {
    host: env.HOST ?? SERVE_DEFAULTS.host,
    port: env.PORT === undefined ? SERVE_DEFAULTS.port : Number(env.PORT),
  };
}
