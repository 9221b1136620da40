/** Options of the snippet runner, resolved once; code and tests both go through `resolveSnippetConfig()`. */
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const serverSchema = z.discriminatedUnion('kind', [
  /** Start a Prism mock of the contract for the run. */
  z.object({ kind: z.literal('prism') }),
  /** A real deployment (`OCPPLAB_BASE_URL`) and a token for it (`OCPPLAB_TOKEN`). */
  z.object({ kind: z.literal('remote'), baseUrl: z.url(), token: z.string().min(1) }),
]);

export type ServerChoice = z.infer<typeof serverSchema>;

const configSchema = z.object({
  /**
   * Project root: `node_modules` (Prism, tsc, openapi-fetch) and the base of page names.
   * @default process.cwd()
   */
  root: z.string().default(() => process.cwd()),
  /**
   * Folder of hand-written pages, relative to `root` or absolute.
   * @default 'docs'
   */
  docsDir: z.string().default('docs'),
  /**
   * The contract the snippets run against, relative to `root` or absolute.
   * @default 'openapi/openapi.json'
   */
  contractPath: z.string().default('openapi/openapi.json'),
  /**
   * Programs running at once.
   * @default os.availableParallelism()
   */
  concurrency: z
    .number()
    .int()
    .min(1)
    .default(() => availableParallelism()),
  /**
   * Time one block may take; a sequence gets this per block.
   * @default 30000
   */
  timeoutMs: z.number().int().positive().default(30_000),
  /**
   * What the snippets call.
   * @default { kind: 'prism' }
   */
  server: serverSchema.default({ kind: 'prism' }),
  /**
   * Token given to snippets as `OCPPLAB_TOKEN` against Prism, which accepts any bearer token.
   * @default 'snippet-test-token'
   */
  mockToken: z.string().min(1).default('snippet-test-token'),
});

export type SnippetConfigInput = z.input<typeof configSchema>;
export type SnippetConfig = z.output<typeof configSchema>;

export function resolveSnippetConfig(input: SnippetConfigInput = {}): SnippetConfig {
  const config = configSchema.parse(input);
  const root = resolve(config.root);
  const within = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
  return { ...config, root, docsDir: within(config.docsDir), contractPath: within(config.contractPath) };
}

/** `OCPPLAB_BASE_URL` and `OCPPLAB_TOKEN` together select a real API; neither selects Prism. */
export function serverFromEnvironment(env: Readonly<Record<string, string | undefined>>): ServerChoice {
  const baseUrl = env.OCPPLAB_BASE_URL ?? '';
  const token = env.OCPPLAB_TOKEN ?? '';
  if (baseUrl === '' && token === '') return { kind: 'prism' };
  if (baseUrl === '' || token === '') {
    const [set, unset] =
      baseUrl === '' ? ['OCPPLAB_TOKEN', 'OCPPLAB_BASE_URL'] : ['OCPPLAB_BASE_URL', 'OCPPLAB_TOKEN'];
    throw new Error(
      `${set} is set but ${unset} is not: set both to run the snippets against a real API, or neither to run them against Prism`,
    );
  }
  return serverSchema.parse({ kind: 'remote', baseUrl, token });
}
