// `npm run sync`: bring the API contract from the SDK repository into openapi/, check it, report
// what changed for API clients, regenerate the types and the changelog. `--help` lists the flags.
// The pipeline (scripts/sync/sync.ts) is loaded only once the arguments are read, so `--help` and
// a mistyped flag answer at once.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CONFIG_FILE, readConfigFile, resolveSyncOptions, type SyncOptions } from './config.ts';
import { errorLines, SyncError } from './errors.ts';
import { CHANGELOG_FILE, CONTRACT_FILE, HISTORY_FILE, TYPES_FILE, URLS_FILE } from './files.ts';
import { formatReport } from './report.ts';

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
    const { sync } = await import('./sync.ts');
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
