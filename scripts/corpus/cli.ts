// `npm run test:corpus [-- --only a,b] [--skip a,b]`: every contract of corpus/manifest.json
// syncs with lint as warnings, builds, and gets a page per operation. An opt-in tier (minutes
// per large contract), not part of `npm test`. Prints one line per contract, then the count.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { kilobytes, megabytes } from '../bench/reports/units.ts';
import { helpRequested } from '../usage.ts';
import { type Materialised, materialise } from './fetch.ts';
import { readManifest } from './manifest.ts';
import { type ContractRun, runContract } from './run.ts';

function names(argv: string[], flag: string): Set<string> | undefined {
  const at = argv.indexOf(flag);
  return at === -1 ? undefined : new Set((argv[at + 1] ?? '').split(',').filter((name) => name !== ''));
}

/** The manifest's contracts, materialised, filtered by `--only` and `--skip`. */
export function selectedContracts(argv: string[]): Materialised[] {
  const only = names(argv, '--only');
  const skip = names(argv, '--skip') ?? new Set();
  const entries = readManifest().filter(
    (entry) => (only === undefined || only.has(entry.name)) && !skip.has(entry.name),
  );
  return materialise(entries);
}

function summaryLine(name: string, run: ContractRun): string {
  const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : megabytes(bytes));
  return `${name}: ${run.operations} operations; sync ${run.sync.seconds.toFixed(1)} s ${mb(run.sync.peakRssBytes)}; build ${run.build.seconds.toFixed(1)} s ${mb(run.build.peakRssBytes)}; dist ${mb(run.distBytes)}, largest page ${kilobytes(run.largestPageBytes)} (${run.largestPage})`;
}

const USAGE = `
Usage: npm run test:corpus [-- --only a,b] [--skip a,b]

For every contract of corpus/manifest.json (fetched into corpus/cache/ by npm run corpus:fetch):
sync with lint as warnings, build the site, and check there is a page per operation. Prints one
line per contract, then the count. An opt-in tier: about ten minutes on 2 cores.

  --only <a,b>   Only these contracts, by manifest name.
  --skip <a,b>   All but these.
  --help, -h     Show this help.
`;

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  helpRequested(argv, USAGE);
  mkdirSync('.cache', { recursive: true });
  const work = mkdtempSync(path.join('.cache', 'corpus-'));
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    for (const { entry, file, missing } of selectedContracts(argv)) {
      if (file === undefined) {
        skipped += 1;
        console.log(`skip ${entry.name}: ${missing}`);
        continue;
      }
      const dir = path.join(work, entry.name);
      try {
        const run = await runContract(file, dir);
        const problems = [
          ...(run.operations === entry.operations
            ? []
            : [`${run.operations} operations in the model, the manifest says ${entry.operations}`]),
          ...run.missingPages.slice(0, 5).map((url) => `no page at ${url}`),
        ];
        if (problems.length === 0) {
          passed += 1;
          console.log(`ok   ${summaryLine(entry.name, run)}`);
        } else {
          failed += 1;
          console.log(`FAIL ${entry.name}: ${problems.join('; ')}`);
        }
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${entry.name}: ${(error as Error).message}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`corpus: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = await main();
}
