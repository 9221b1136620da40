import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SyncError } from './errors.ts';

/** The project's config file; the sync reads its `sync` key. */
export const CONFIG_FILE = 'ocpplab-docs.config.json';

/** Where the contract comes from, as a maintainer writes it in the config file or on the command line. */
const SourceSchema = z.strictObject({
  /**
   * A local directory, or anything `git clone` accepts (`file://`, `https://`, `user@host:repo`).
   * Relative paths are resolved from the project root in the config file, from the shell's
   * directory on the command line.
   * @default undefined (no source: the sync says how to give one)
   */
  from: z.string().min(1).optional(),
  /**
   * Branch, tag or commit to check out; git sources only.
   * @default undefined (the repository's default branch, or a directory as it is)
   */
  ref: z.string().min(1).optional(),
  /**
   * The contract's path inside the source, JSON or YAML.
   * @default 'openapi/openapi.json'
   */
  path: z.string().min(1).default('openapi/openapi.json'),
  /**
   * What lint findings do: `error` refuses a contract that breaks a rule set to error in
   * `redocly.yaml`; `warn` prints them and syncs anyway (to adopt a contract written to other
   * rules). Structural problems (not OpenAPI, unresolvable `$ref`s, invalid structure) stop the
   * sync either way.
   * @default 'error'
   */
  lint: z.enum(['error', 'warn']).default('error'),
});

/** `error`: lint errors stop the sync; `warn`: they are printed as warnings. */
export type LintPolicy = 'error' | 'warn';

const ConfigFileSchema = z.looseObject({ sync: SourceSchema.optional() });

/** Options of one sync run, every field resolved: downstream code never sees `undefined`. */
const SyncOptionsSchema = z.strictObject({
  /** The project whose `openapi/`, `src/generated/` and `docs/` the sync writes to. */
  root: z.string(),
  /** The source as given: printed in messages and recorded in the provenance. */
  from: z.string(),
  /** `from` as an absolute path, or the git URL unchanged. */
  location: z.string(),
  /** Whether `from` names a remote; a local directory may still be cloned when `ref` is set. */
  remote: z.boolean(),
  /** @default null */
  ref: z.string().nullable().default(null),
  /** @default 'openapi/openapi.json' */
  path: z.string(),
  /** @default 'error' */
  lint: z.enum(['error', 'warn']).default('error'),
  /** Print the change report as JSON on stdout; progress goes to stderr. @default false */
  json: z.boolean().default(false),
  /** Compare only: fail when the committed contract or types differ, write nothing. @default false */
  check: z.boolean().default(false),
  /** Report only, write nothing. @default false */
  dryRun: z.boolean().default(false),
  /** The date written on a new changelog entry. @default new Date() */
  today: z.date().default(() => new Date()),
});

export type SyncOptions = z.infer<typeof SyncOptionsSchema>;
export type SourceInput = z.input<typeof SourceSchema>;

export interface ConfigInput {
  /** Project root. */
  root: string;
  /** Directory relative command-line paths are resolved from. @default root */
  cwd?: string;
  /** The config file's content, parsed, or undefined when there is none. */
  file?: unknown;
  /** Values given on the command line; they win over the config file. */
  cli?: SourceInput & { json?: boolean; check?: boolean; dryRun?: boolean };
  today?: Date;
}

/** `git clone` URLs: `scheme://…` or scp-like `user@host:path`. */
function isRemote(from: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(from) || /^[^/\s@]+@[^/\s:]+:/.test(from);
}

/** Merge the config file and the command line into the options of one run. Pure. */
export function resolveSyncOptions(input: ConfigInput): SyncOptions {
  const parsedFile = ConfigFileSchema.safeParse(input.file ?? {});
  if (!parsedFile.success) {
    const issue = parsedFile.error.issues[0];
    const place = issue?.path.join('.') || '(top level)';
    throw new SyncError(
      CONFIG_FILE,
      `${place}: ${issue?.message ?? 'invalid'}`,
      'set "sync" to an object with "from" (string), optional "ref", "path" and "lint" ("error" or "warn")',
    );
  }
  const fromFile = parsedFile.data.sync ?? {};
  const cli = input.cli ?? {};
  const source = SourceSchema.parse({
    ...fromFile,
    ...(cli.from !== undefined && { from: cli.from }),
    ...(cli.ref !== undefined && { ref: cli.ref }),
    ...(cli.path !== undefined && { path: cli.path }),
    ...(cli.lint !== undefined && { lint: cli.lint }),
  });
  if (source.from === undefined) {
    throw new SyncError(
      'npm run sync',
      'no contract source is configured',
      `pass one with \`npm run sync -- --from <directory | git URL>\`, or set "sync": { "from": "…" } in ${CONFIG_FILE}`,
    );
  }
  const base = cli.from !== undefined ? (input.cwd ?? input.root) : input.root;
  const remote = isRemote(source.from);
  return SyncOptionsSchema.parse({
    root: input.root,
    from: source.from,
    location: remote ? source.from : path.resolve(base, source.from),
    remote,
    ref: source.ref ?? null,
    path: source.path,
    lint: source.lint,
    json: cli.json ?? false,
    check: cli.check ?? false,
    dryRun: cli.dryRun ?? false,
    today: input.today,
  });
}

/** Read the config file of a project; undefined when it has none. */
export async function readConfigFile(root: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.join(root, CONFIG_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SyncError(CONFIG_FILE, `not valid JSON (${(error as Error).message})`, 'correct its syntax');
  }
}
