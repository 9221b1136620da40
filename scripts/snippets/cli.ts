// `npm run test:snippets`: every code block of the docs runs against the contract.
// Options: --docs <dir> (default docs), --contract <file> (default openapi/openapi.json),
// --concurrency <n>, --timeout <seconds>, --docs-only (skip the generated reference).
// OCPPLAB_BASE_URL + OCPPLAB_TOKEN: run against a real API.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { helpRequested } from '../usage.ts';
import { resolveSnippetConfig, serverFromEnvironment } from './config.ts';
import { loadContract } from './contract.ts';
import { checkContractExamples, formatExampleProblem } from './examples.ts';
import { formatReport } from './report.ts';
import { runSnippets } from './runner.ts';
import { snippetSources } from './sources.ts';

function optionalNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new Error(`--${name} must be a positive number, got '${value}'`);
  return number;
}

const USAGE = `
Usage: npm run test:snippets [-- --docs <dir>] [--contract <file>] [--concurrency <n>] [--timeout <s>] [--docs-only]

Checks every example of the contract against its schema, then runs every code block of the
guides and the API reference (bash, curl, Python, TypeScript, JavaScript) against a Prism mock of
the contract, and type-checks the TypeScript ones against the generated types.

  --docs <dir>         The hand-written pages (default docs).
  --contract <file>    The contract (default openapi/openapi.json).
  --concurrency <n>    Blocks run at once (default: the number of cores).
  --timeout <s>        Seconds per block (default 30).
  --docs-only          Leave out the generated API reference.
  --help, -h           Show this help.

Environment: OCPPLAB_BASE_URL and OCPPLAB_TOKEN run the blocks against a real deployment.
`;

async function main(): Promise<number> {
  helpRequested(process.argv.slice(2), USAGE);
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      contract: { type: 'string' },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      'docs-only': { type: 'boolean', default: false },
    },
  });
  const concurrency = optionalNumber(values.concurrency, 'concurrency');
  const timeout = optionalNumber(values.timeout, 'timeout');
  const config = resolveSnippetConfig({
    ...(values.docs === undefined ? {} : { docsDir: values.docs }),
    ...(values.contract === undefined ? {} : { contractPath: values.contract }),
    ...(concurrency === undefined ? {} : { concurrency: Math.floor(concurrency) }),
    ...(timeout === undefined ? {} : { timeoutMs: Math.round(timeout * 1000) }),
    server: serverFromEnvironment(process.env),
  });
  const contract = await loadContract(config.contractPath, relative(config.root, config.contractPath));

  // 1. The contract's own examples match their schemas.
  const examples = checkContractExamples(contract);
  for (const problem of examples.problems) console.log(formatExampleProblem(contract.path, problem));
  console.log(`contract examples: ${examples.checked} checked, ${examples.problems.length} invalid`);

  // 2. The pages: hand-written guides, then the generated reference.
  const sources = await snippetSources({
    docsDir: config.docsDir,
    root: config.root,
    contract,
    reference: !values['docs-only'],
  });

  // 3. Every runnable block runs against Prism (or the real API) and is judged.
  const server = config.server.kind === 'remote' ? config.server.baseUrl : `a Prism mock of ${contract.path}`;
  console.log(`snippets: ${sources.length} page${sources.length === 1 ? '' : 's'}, against ${server}`);
  const summary = await runSnippets(sources, config, contract);

  // 4. One line per block, failures in full, the summary last.
  process.stdout.write(formatReport(summary));
  return summary.failed > 0 || examples.problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`test:snippets: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
