// `npm run sync`: bring the API contract from the SDK repository into openapi/, check it, report
// what changed for API clients, regenerate the types and the changelog. `--help` lists the flags.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { historyPath, parseHistory } from '../../src/history.ts';
import type { ApiModel } from '../../src/model/types.ts';
import { parseUrlRecord, type ReleaseRef, updateUrlRecord, urlRecordPath } from '../../src/urls.ts';
import { bundleContract } from './bundle.ts';
import { addEntry, CHANGELOG_FILE, changelogEntry, nextAnchor } from './changelog.ts';
import { CONFIG_FILE, readConfigFile, resolveSyncOptions, type SyncOptions } from './config.ts';
import { diffContracts, versionOf } from './diff.ts';
import { errorLines, SyncError } from './errors.ts';
import { asSyncError } from './errors-of-files.ts';
import { fetchSource } from './fetch.ts';
import { guideLinesTouched } from './guides.ts';
import { updateHistory } from './history.ts';
import { loadContract } from './load.ts';
import { changeLinks, modelOf } from './pages.ts';
import { type Provenance, parseProvenance, sha256 } from './provenance.ts';
import { formatReport, type Report } from './report.ts';
import { countOperations } from './shape.ts';
import { generateTypes, TYPES_FILE } from './types.ts';
import { loadRules, validateContract } from './validate.ts';
import { formatJson, type Output, planOutputs, readFiles, writeOutputs } from './write.ts';

const CONTRACT_FILE = 'openapi/openapi.json';
const PROVENANCE_FILE = 'openapi/provenance.json';
/** Every reference URL published so far, for redirects and "removed" pages (src/urls.ts). */
const URLS_FILE = urlRecordPath(CONTRACT_FILE);
/** What each release did to each operation, webhook and schema page (src/history.ts). */
const HISTORY_FILE = historyPath(CONTRACT_FILE);

export interface SyncResult {
  report: Report;
  warnings: string[];
  outputs: Output[];
  /** Files `--check` found out of date (the contract and the types). */
  stale: string[];
}

/** Runs one step, then logs its name, its duration and what it found. */
async function stage<T>(
  log: (line: string) => void,
  name: string,
  run: () => T | Promise<T>,
  detail?: (value: T) => string,
) {
  const start = performance.now();
  let value: T;
  try {
    value = await run();
  } catch (error) {
    if (errorLines(error) !== undefined) throw error;
    // Not a failure we foresaw: still one message that says where, never a stack trace.
    throw new SyncError(
      `npm run sync, ${name} stage`,
      `unexpected failure (${error instanceof Error ? error.message : String(error)})`,
      'openapi/ is untouched; run it again with --dry-run, and report the message with the contract that causes it',
    );
  }
  const ms = Math.round(performance.now() - start);
  log(`  ${name.padEnd(10)}${String(ms).padStart(6)} ms${detail === undefined ? '' : `  ${detail(value)}`}`);
  return value;
}

/** The sync, one line per stage. Writes only in the last stage, and only when every stage passed. */
export async function sync(
  options: SyncOptions,
  log: (line: string) => void = () => {},
): Promise<SyncResult> {
  const step = <T>(name: string, run: () => T | Promise<T>, detail?: (value: T) => string) =>
    stage(log, name, run, detail);
  // fetch: the source directory as it is, or a shallow clone of the git repository at --ref
  const source = await step(
    'fetch',
    () => fetchSource(options),
    (s) => (s.commit === null ? `directory ${s.dir}` : `commit ${s.commit}`),
  );
  try {
    // load: parse the root file (JSON or YAML) and check that it is OpenAPI 3.0/3.1
    const loaded = await step(
      'load',
      () => loadContract(source.dir, options.path, options.from),
      (l) => `${l.file}, OpenAPI ${l.openapi}`,
    );
    const rules = await loadRules(options.root);
    // bundle: one document from several files; unresolvable $refs stop here
    const contract = await step('bundle', () => bundleContract(loaded, rules, source.dir));
    // validate: structure and lint rules (Redocly recommended, redocly.yaml); structural errors
    // stop here, lint errors too unless the policy (--lint warn) makes them warnings
    const { warnings, printed } = await step(
      'validate',
      () => validateContract(loaded, rules, source.dir, options.lint),
      (v) => `${v.warnings.length} warnings`,
    );
    for (const line of printed) log(line);
    // read: the project's committed files, the baseline of the comparison
    const files = [CONTRACT_FILE, PROVENANCE_FILE, TYPES_FILE, CHANGELOG_FILE, URLS_FILE, HISTORY_FILE];
    const committed = await step('read', () => readFiles(options.root, files));
    const before = parseCommitted(committed.get(CONTRACT_FILE));
    // diff: what changed for API clients, breaking first
    const compared = await step(
      'diff',
      () => compare(before, contract),
      (r) => `${r.changes.length} changes`,
    );
    // guides: the lines of docs/ that name what a change removed, to rewrite
    const guides = await step(
      'guides',
      () => guideLinesTouched(options.root, compared.changes),
      (lines) => `${lines.length} lines`,
    );
    const report: Report = { ...compared, guides };
    // types: TypeScript types with openapi-typescript
    const types = await step('types', () => generateTypes(contract, loaded.file));
    // provenance + changelog: where the contract came from; an entry when its content changed
    const contractText = formatJson(contract);
    const provenance = describeOrigin(options, source.commit, contractText, contract);
    const previous = parseProvenance(committed.get(PROVENANCE_FILE));
    const models = { before: before === undefined ? undefined : modelOf(before), after: modelOf(contract) };
    const changelog = await step('changelog', () =>
      updateChangelog(committed.get(CHANGELOG_FILE), {
        report,
        provenance,
        previous,
        models,
        contract,
        options,
      }),
    );
    // urls: every reference URL published so far; moved and removed pages from this release on
    const urls = await step(
      'urls',
      () => updateUrls(committed.get(URLS_FILE), models, report, changelog.release),
      (record) => {
        const entries = Object.values(record.urls);
        const anchor = changelog.release?.anchor;
        const left = entries.filter((entry) => anchor !== undefined && entry.gone?.anchor === anchor).length;
        return `${entries.length} URLs${left === 0 ? '' : `, ${left} moved or removed by this release`}`;
      },
    );
    // history: what this release added, changed and deprecated, page by page
    const history = await step(
      'history',
      () => {
        const text = committed.get(HISTORY_FILE);
        const record =
          text === undefined ? { pages: {} } : asSyncError(() => parseHistory(text, HISTORY_FILE));
        const { release } = changelog;
        return release === undefined ? record : updateHistory(record, report.changes, release, models);
      },
      (record) => `${Object.keys(record.pages).length} pages with a history`,
    );
    // write: atomically, only what changed, never with --check or --dry-run
    const outputs = planOutputs(
      [
        { path: CONTRACT_FILE, content: contractText },
        { path: TYPES_FILE, content: types },
        { path: CHANGELOG_FILE, content: changelog.page },
        { path: PROVENANCE_FILE, content: formatJson(provenance) },
        { path: URLS_FILE, content: formatJson(urls) },
        { path: HISTORY_FILE, content: formatJson(history) },
      ],
      committed,
    );
    const stale = outputs
      .filter((o) => o.status !== 'unchanged' && (o.path === CONTRACT_FILE || o.path === TYPES_FILE))
      .map((o) => o.path);
    const writing = !options.check && !options.dryRun;
    await step(
      'write',
      () => (writing ? writeOutputs(options.root, outputs) : undefined),
      () => summary(outputs, writing),
    );
    return { report, warnings, outputs, stale };
  } finally {
    await source.cleanup();
  }
}

function parseCommitted(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new SyncError(
    CONTRACT_FILE,
    'the committed contract is not a JSON object',
    `restore it with \`git checkout ${CONTRACT_FILE}\``,
  );
}

function compare(before: Record<string, unknown> | undefined, after: Record<string, unknown>): Report {
  return {
    from: before === undefined ? null : versionOf(before),
    to: versionOf(after),
    changes: before === undefined ? [] : diffContracts(before, after),
  };
}

function describeOrigin(
  options: SyncOptions,
  commit: string | null,
  text: string,
  contract: Record<string, unknown>,
): Provenance {
  return {
    source: options.from,
    ref: options.ref,
    commit,
    path: options.path,
    sha256: sha256(text),
    version: versionOf(contract),
  };
}

interface ChangelogInput {
  report: Report;
  provenance: Provenance;
  previous: Provenance | undefined;
  models: { before: ApiModel | undefined; after: ApiModel };
  contract: Record<string, unknown>;
  options: SyncOptions;
}

/**
 * A new entry when nothing was synced before or the contract's content changed, with the release
 * it records; else the page as it is.
 */
function updateChangelog(
  page: string | undefined,
  { report, provenance, previous, models, contract, options }: ChangelogInput,
): { page: string; release: ReleaseRef | undefined } {
  if (previous !== undefined && previous.sha256 === provenance.sha256 && page !== undefined)
    return { page, release: undefined };
  const version = report.to ?? 'unversioned';
  const anchor = nextAnchor(page, version);
  const entry = changelogEntry({
    report,
    provenance,
    initial: previous === undefined,
    date: options.today.toISOString().slice(0, 10),
    operations: countOperations(contract),
    anchor,
    // Each change links to its page as the site builds it from the old and the new contract.
    link: changeLinks(models.before, models.after),
  });
  return { page: addEntry(page, entry), release: { version, anchor } };
}

/**
 * The URL record after this sync. A project without one starts it from the contract it had (its
 * URLs published since that version), so the pages this release moves or removes are recorded.
 */
function updateUrls(
  text: string | undefined,
  models: { before: ApiModel | undefined; after: ApiModel },
  report: Report,
  release: ReleaseRef | undefined,
) {
  let record = text === undefined ? { urls: {} } : parseRecord(text);
  if (text === undefined && models.before !== undefined)
    record = updateUrlRecord(record, models.before, report.from ?? 'unversioned', undefined);
  return updateUrlRecord(record, models.after, report.to ?? 'unversioned', release);
}

function parseRecord(text: string) {
  return asSyncError(() => parseUrlRecord(text, URLS_FILE));
}

function summary(outputs: Output[], writing: boolean): string {
  const touched = outputs.filter((o) => o.status !== 'unchanged');
  if (touched.length === 0) return 'nothing changed';
  const verb = writing ? 'wrote' : 'would write';
  return `${verb} ${touched.map((o) => `${o.path}${o.status === 'new' ? ' (new)' : ''}`).join(', ')}`;
}

const HELP = `Usage: npm run sync -- [--from <dir | git URL>] [--ref <ref>] [--path <file>] [--lint error|warn] [--json] [--check | --dry-run]

Brings the API contract from the SDK repository into openapi/, validates and lints it, reports
what changed for API clients (breaking changes first), regenerates ${TYPES_FILE},
adds an entry to ${CHANGELOG_FILE} when the contract changed, records every
reference page's URL in ${URLS_FILE} (moved pages redirect, removed ones say so)
and what each release added, changed and deprecated in ${HISTORY_FILE}.

  --from <dir | git URL>  Where the contract lives: a local directory, or anything \`git clone\`
                          accepts (file://, https://, user@host:repo, a path to a repository).
                          Default: "sync.from" in ${CONFIG_FILE}.
  --ref <ref>             Branch, tag or commit to read; the source is cloned shallowly into a
                          temporary directory. Default: the default branch, or a directory as it is.
  --path <file>           The contract inside the source, JSON or YAML; other files it
                          references with $ref are bundled in. Default: "sync.path", else ${CONTRACT_FILE}.
  --lint error|warn       What lint errors do: \`error\` stops the sync (default, for our own
                          contract), \`warn\` prints them counted by rule and syncs (to adopt a
                          contract written to other rules). Default: "sync.lint", else error.
                          Structural problems stop the sync either way.
  --json                  Print the change report as JSON on stdout; progress goes to stderr.
  --check                 Write nothing; exit 1 when ${CONTRACT_FILE} or the generated types
                          differ from what the source gives (for CI).
  --dry-run               Report the changes, write nothing.
  --help                  Show this help.

Lint rules: Redocly's recommended set, overridden by redocly.yaml. Errors stop the sync unless
--lint warn; a contract that is not OpenAPI 3.0-3.2, has unresolvable $refs or an invalid
structure is refused either way.
Run it from the project root (\`npm run sync\` does).
Exit status: 0 done, 1 --check found differences, 2 the sync failed (the message says where and
how to fix it); openapi/ is then left untouched.
`;

interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The command line: returns the exit status. */
async function main(argv: string[], root: string, streams: Streams, cwd = process.cwd()): Promise<number> {
  let options: SyncOptions;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        ref: { type: 'string' },
        path: { type: 'string' },
        lint: { type: 'string' },
        json: { type: 'boolean' },
        check: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) {
      streams.stdout(HELP);
      return 0;
    }
    const lint = values.lint;
    if (lint !== undefined && lint !== 'error' && lint !== 'warn') {
      throw new SyncError('--lint', `"${lint}" is not a lint policy`, 'pass --lint error or --lint warn');
    }
    options = resolveSyncOptions({
      root,
      cwd,
      file: await readConfigFile(root),
      cli: {
        ...(values.from !== undefined && { from: values.from }),
        ...(values.ref !== undefined && { ref: values.ref }),
        ...(values.path !== undefined && { path: values.path }),
        ...(lint !== undefined && { lint }),
        json: values.json === true,
        check: values.check === true,
        dryRun: values['dry-run'] === true,
      },
    });
  } catch (error) {
    const message =
      error instanceof TypeError ? `${error.message}. Fix: see \`npm run sync -- --help\`.` : undefined;
    streams.stderr(`error: ${message ?? errorLines(error)?.join('\n') ?? String(error)}\n`);
    return 2;
  }
  const progress = options.json ? streams.stderr : streams.stdout;
  const log = (line: string) => progress(`${line}\n`);
  log(`sync: ${options.path} from ${options.from}${options.ref === null ? '' : ` at ${options.ref}`}`);
  try {
    const result = await sync(options, log);
    if (options.json) streams.stdout(`${JSON.stringify(result.report, null, 2)}\n`);
    else streams.stdout(`\n${formatReport(result.report)}`);
    if (options.check && result.stale.length > 0) {
      streams.stderr(
        `check: ${result.stale.join(' and ')} differ from the source. Fix: run \`npm run sync\` and commit.\n`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    const lines = errorLines(error);
    if (lines === undefined) throw error;
    streams.stderr(`${lines.map((line) => `error: ${line}`).join('\n')}\n`);
    return 2;
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  // The project is the current directory, where `npm run` starts scripts.
  process.exitCode = await main(process.argv.slice(2), process.cwd(), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
