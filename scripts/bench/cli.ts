// `npm run bench [-- --sizes 100,1000,3000] [--keep]`: builds the site from
// synthetic contracts of each size and prints one table row per size.
// `npm run bench -- --corpus [--only a,b] [--no-peer]`: the corpus instead (scripts/bench/corpus.ts).
// `npm run bench -- --load [--dist dist]`: a loopback load test of the server (scripts/bench/load.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { resolveSiteConfig } from '../../src/config.ts';
import { helpRequested } from '../usage.ts';
import { buildSite } from './build.ts';
import { syntheticContract } from './contract.ts';
import { benchCorpus } from './corpus.ts';
import { benchLoad } from './load.ts';
import { reports } from './reports/index.ts';
import { markdownTable } from './table.ts';
import { contractTokenLines } from './tokens.ts';

const DEFAULT_SIZES = [100, 1000, 3000];

helpRequested(
  process.argv.slice(2),
  `
Usage: npm run bench [-- --sizes 100,1000,3000] [--keep]
       npm run bench -- --corpus [--only a,b] [--skip a,b] [--no-peer]
       npm run bench -- --load [--dist dist] [--calls 2000] [--concurrency 50]

Builds the site from synthetic contracts of each size and prints one row per size: build time,
time per operation, peak memory, dist/ size, largest operation page, and tokens of
llms-full.txt against the contract.

  --sizes <n,n>        Operation counts to build (default ${DEFAULT_SIZES.join(',')}).
  --keep               Keep the builds under .cache/.
  --corpus             Sync and build the contracts of corpus/manifest.json instead, with the peer
                       generator unless --no-peer; --only and --skip pick contracts by name.
  --load               A loopback load test of npm start's server on a built dist/.
  --help, -h           Show this help.
`,
);

function parseSizes(argv: string[]): number[] {
  const at = argv.indexOf('--sizes');
  if (at === -1) return DEFAULT_SIZES;
  const sizes = (argv[at + 1] ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`bench: --sizes takes a comma-separated list of operation counts, e.g. --sizes 100,1000`);
  }
  return sizes;
}

async function main(): Promise<void> {
  if (process.argv.includes('--load')) {
    await benchLoad(process.argv.slice(2));
    return;
  }
  if (process.argv.includes('--corpus')) {
    await benchCorpus(process.argv.slice(2));
    return;
  }
  const sizes = parseSizes(process.argv.slice(2));
  const keep = process.argv.includes('--keep');
  // Inside the project: Astro puts a build's server chunks next to its outDir
  // only when that is below the working directory (else in a shared ./.astro).
  mkdirSync('.cache', { recursive: true });
  const work = mkdtempSync(join('.cache', 'bench-'));
  const header = ['operations', ...reports.flatMap((report) => report.columns)];
  const rows: string[][] = [];
  console.log(
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`,
  );
  for (const size of sizes) {
    // 1. Write the synthetic contract.
    const contractPath = join(work, `contract-${size}.json`);
    writeFileSync(contractPath, JSON.stringify(syntheticContract(size), null, 2));
    // 2. Build the site from it.
    const outDir = join(work, `dist-${size}`);
    mkdirSync(outDir, { recursive: true });
    console.log(`Building ${size} operations…`);
    const run = await buildSite(contractPath, outDir, size);
    // 3. Measure the build with every report.
    const cells: string[] = [String(size)];
    for (const report of reports) cells.push(...(await report.measure(run)));
    rows.push(cells);
    if (!keep) rmSync(outDir, { recursive: true, force: true });
  }
  // 4. Print the table, then the token figures of the committed contract.
  console.log(`\n${markdownTable(header, rows)}`);
  console.log(`\n${contractTokenLines(resolveSiteConfig().contractPath).join('\n')}`);
  if (keep) console.log(`\nBuilds kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
