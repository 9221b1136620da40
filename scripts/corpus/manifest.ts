import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Where the corpus lives: the manifest, the committed contracts, the materialised cache. */
export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../corpus');
const MANIFEST_FILE = path.join(CORPUS_DIR, 'manifest.json');
export const CACHE_DIR = path.join(CORPUS_DIR, 'cache');

const NpmSource = z.strictObject({
  /** A package of the npm registry, the only registry CI reaches. */
  npm: z.string().min(1),
  version: z.string().min(1),
  /** The contract's path inside the package. */
  path: z.string().min(1),
});

const GithubSource = z.strictObject({
  /** `owner/name` of the public repository the file was taken from. */
  github: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  path: z.string().min(1),
  /**
   * The copy committed under corpus/ (gzip when the name ends in `.gz`), its licence allowing;
   * absent: local-only, skipped with `reason` when corpus/cache/ lacks it.
   */
  committed: z.string().min(1).optional(),
  reason: z.string().optional(),
});

const ProjectSource = z.strictObject({
  /** A contract of this repository, relative to its root. */
  project: z.string().min(1),
});

const Entry = z.strictObject({
  /** Unique, used for the cached file name and in reports. */
  name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  source: z.union([NpmSource, GithubSource, ProjectSource]),
  licence: z.string().min(1),
  /** OpenAPI version the document declares. */
  openapi: z.string().regex(/^3\.[012]\.\d+$/),
  /** Operations under `paths`, which the build must give a page each. */
  operations: z.number().int().min(0),
  /** What it exercises: `circular`, `tagless`, `webhooks`, `x-tagGroups`, `3.2`, `huge`… */
  features: z.array(z.string()),
});

export type CorpusEntry = z.infer<typeof Entry>;

const Manifest = z.strictObject({ contracts: z.array(Entry).min(1) });

export function readManifest(file = MANIFEST_FILE): CorpusEntry[] {
  const parsed = Manifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path.relative(process.cwd(), file)}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}. Fix: correct the entry (see scripts/corpus/manifest.ts).`,
    );
  }
  return parsed.data.contracts;
}

/** The file a contract is read from once materialised: the project's own, or its cached copy. */
export function contractFile(entry: CorpusEntry, root = path.dirname(CORPUS_DIR)): string {
  if ('project' in entry.source) return path.join(root, entry.source.project);
  const extension = entry.source.path.match(/\.(json|ya?ml)$/)?.[0] ?? '.json';
  return path.join(CACHE_DIR, `${entry.name}${extension}`);
}
