// The sync itself, one stage per line (`sync()`): fetch, load, bundle, validate, read what is
// committed, diff, types, changelog, URL record, history, write. `cli.ts` is its command line.
import { parseHistory } from '../../src/history.ts';
import type { ApiModel } from '../../src/model/types.ts';
import { parseUrlRecord, type ReleaseRef, updateUrlRecord } from '../../src/urls.ts';
import { bundleContract } from './bundle.ts';
import { addEntry, changelogEntry, nextAnchor } from './changelog.ts';
import type { SyncOptions } from './config.ts';
import { diffContracts, versionOf } from './diff.ts';
import { errorLines, SyncError } from './errors.ts';
import { asSyncError } from './errors-of-files.ts';
import { fetchSource } from './fetch.ts';
import {
  CHANGELOG_FILE,
  CONTRACT_FILE,
  HISTORY_FILE,
  PROVENANCE_FILE,
  TYPES_FILE,
  URLS_FILE,
} from './files.ts';
import { guideLinesTouched } from './guides.ts';
import { updateHistory } from './history.ts';
import { loadContract } from './load.ts';
import { changeLinks, modelOf } from './pages.ts';
import { type Provenance, parseProvenance, sha256 } from './provenance.ts';
import type { Report } from './report.ts';
import { countOperations } from './shape.ts';
import { generateTypes } from './types.ts';
import { loadRules, validateContract } from './validate.ts';
import { formatJson, type Output, planOutputs, readFiles, writeOutputs } from './write.ts';

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
