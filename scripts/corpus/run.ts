// One contract of the corpus through the whole pipeline, as a maintainer adopting it would run it:
// `npm run sync -- --lint warn` into a fresh project, then the site build, then a check that every
// operation got its page. Each step runs as its own process, timed, its memory sampled.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import { pageUrl } from '../../src/model/pages.ts';
import { buildSite, spawnMeasured } from '../bench/build.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SYNC = path.join(ROOT, 'scripts/sync/cli.ts');

export interface Step {
  seconds: number;
  peakRssBytes: number | undefined;
}

export interface ContractRun {
  sync: Step;
  build: Step;
  /** Operations the model has; each must have its page. */
  operations: number;
  /** Operations without a page (their URLs), empty when all is well. */
  missingPages: string[];
  distBytes: number;
  /** The largest reference page (below /api-reference/) and its file. */
  largestPageBytes: number;
  largestPage: string;
}

/** A failure of one step: which, and the end of what it printed. */
class StepError extends Error {}

/** Runs a command as a measured step; a failure says which step and how it ended. */
async function measured(command: string, args: string[], cwd: string, what: string): Promise<Step> {
  const run = await spawnMeasured(() => spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }));
  if (run.code !== 0) throw new StepError(`${what} failed (exit ${run.code}):\n${run.log.slice(-3000)}`);
  return { seconds: run.seconds, peakRssBytes: run.peakRssBytes };
}

function htmlFiles(dir: string): { file: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, bytes: statSync(file).size };
    });
}

/** Syncs `contract` into a new project under `work`, builds it, checks its pages. */
export async function runContract(given: string, work: string): Promise<ContractRun> {
  // The sync runs in the project directory: relative paths would be read from there.
  const contract = path.resolve(given);
  const project = path.join(work, 'project');
  mkdirSync(project, { recursive: true });
  cpSync(path.join(ROOT, 'redocly.yaml'), path.join(project, 'redocly.yaml'));
  const sync = await measured(
    process.execPath,
    [TSX, SYNC, '--from', path.dirname(contract), '--path', path.basename(contract), '--lint', 'warn'],
    project,
    'sync',
  );
  const synced = path.join(project, 'openapi/openapi.json');
  const outDir = path.join(work, 'dist');
  const model = loadModel(synced, resolveSiteConfig({ contractPath: synced }, {}));
  let build: Step;
  try {
    const run = await buildSite(synced, outDir, model.operations.length);
    build = { seconds: run.seconds, peakRssBytes: run.peakRssBytes };
  } catch (error) {
    throw new StepError((error as Error).message);
  }
  const missingPages = model.operations
    .map((operation) => pageUrl(operation.slug))
    .filter((url) => !existsSync(path.join(outDir, url, 'index.html')));
  const files = htmlFiles(outDir);
  // The reference's pages: the guides are the project's own, the same for every contract.
  const reference = path.join(outDir, 'api-reference');
  const pages = files.filter((entry) => entry.file.endsWith('.html') && entry.file.startsWith(reference));
  const largest = pages.reduce((big, entry) => (entry.bytes > big.bytes ? entry : big), {
    file: '',
    bytes: 0,
  });
  return {
    sync,
    build,
    operations: model.operations.length,
    missingPages,
    distBytes: files.reduce((sum, entry) => sum + entry.bytes, 0),
    largestPageBytes: largest.bytes,
    largestPage: path.relative(outDir, largest.file),
  };
}
