// `npm run corpus:fetch`: materialises the corpus (corpus/manifest.json) into corpus/cache/:
// npm sources with `npm pack`, committed copies of GitHub files by copying (gunzip for `.gz`).
// Local-only GitHub entries are left to whoever has them; the list says which are missing, and why.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { helpRequested } from '../usage.ts';
import { CACHE_DIR, CORPUS_DIR, type CorpusEntry, contractFile, readManifest } from './manifest.ts';

export interface Materialised {
  entry: CorpusEntry;
  /** The contract file, or undefined when it is not here. */
  file?: string;
  /** Why it is missing. */
  missing?: string;
}

/** Writes atomically: a reader never sees half a contract. */
function writeAtomic(file: string, content: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/** Unpacks one npm package (once per package and version) and returns its directory. */
function unpack(spec: string, work: string, unpacked: Map<string, string>): string {
  const known = unpacked.get(spec);
  if (known !== undefined) return known;
  const dir = mkdtempSync(path.join(work, 'pkg-'));
  const tarball = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
    .trim()
    .split('\n')
    .at(-1);
  if (tarball === undefined || tarball === '') throw new Error(`npm pack ${spec}: no tarball`);
  execFileSync('tar', ['xzf', path.join(dir, tarball), '-C', dir]);
  const root = path.join(dir, 'package');
  unpacked.set(spec, root);
  return root;
}

/** Materialises every entry that is not in the cache yet (or all with `force`). */
export function materialise(
  entries: CorpusEntry[],
  { force = false, log = (_: string) => {} } = {},
): Materialised[] {
  mkdirSync(CACHE_DIR, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'corpus-'));
  const unpacked = new Map<string, string>();
  try {
    return entries.map((entry): Materialised => {
      const file = contractFile(entry);
      const { source } = entry;
      if ('project' in source)
        return existsSync(file)
          ? { entry, file }
          : { entry, missing: `${source.project} is not in the project` };
      if (existsSync(file) && !force) return { entry, file };
      if ('npm' in source) {
        const spec = `${source.npm}@${source.version}`;
        try {
          const from = path.join(unpack(spec, work, unpacked), source.path);
          writeAtomic(file, readFileSync(from));
          log(`fetched ${entry.name} from ${spec} ${source.path}`);
          return { entry, file };
        } catch (error) {
          return { entry, missing: `npm pack ${spec} failed (${(error as Error).message.split('\n')[0]})` };
        }
      }
      if (source.committed !== undefined) {
        const bytes = readFileSync(path.join(CORPUS_DIR, source.committed));
        writeAtomic(file, source.committed.endsWith('.gz') ? gunzipSync(bytes) : bytes);
        log(`copied ${entry.name} from corpus/${source.committed}`);
        return { entry, file };
      }
      return {
        entry,
        missing: `local-only (${source.reason ?? 'not committed'}): put ${source.github}@${source.commit.slice(0, 12)} ${source.path} at ${path.relative(process.cwd(), file)}`,
      };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  helpRequested(
    process.argv.slice(2),
    `
Usage: npm run corpus:fetch [-- --force]

Materialises the contracts of corpus/manifest.json into corpus/cache/: npm sources with npm pack,
the committed copies of GitHub files by copying (gunzip for .gz). Lists the local-only ones it
cannot fetch, and why.

  --force      Fetch again the contracts already in corpus/cache/.
  --help, -h   Show this help.
`,
  );
  const force = process.argv.includes('--force');
  const results = materialise(readManifest(), { force, log: (line) => process.stdout.write(`${line}\n`) });
  const missing = results.filter((result) => result.missing !== undefined);
  process.stdout.write(
    `corpus: ${results.length - missing.length} of ${results.length} contracts in ${path.relative(process.cwd(), CACHE_DIR)}\n`,
  );
  for (const result of missing) process.stdout.write(`  skipped ${result.entry.name}: ${result.missing}\n`);
}
