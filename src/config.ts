import { z } from 'zod';

/** Options of the site build, resolved once; code and tests read these defaults from here. */
export const siteConfigSchema = z.object({
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
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/**
 * The options in force: defaults, overridden by `OCPPLAB_CONTRACT` (a contract
 * path, used by the benchmark and fixture builds) and by explicit values.
 */
export function resolveConfig(
  overrides: Partial<SiteConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): SiteConfig {
  const fromEnv: Partial<SiteConfig> = {};
  if (env.OCPPLAB_CONTRACT) fromEnv.contractPath = env.OCPPLAB_CONTRACT;
  if (env.OCPPLAB_SITE) fromEnv.site = env.OCPPLAB_SITE;
  return siteConfigSchema.parse({ ...fromEnv, ...overrides });
}
