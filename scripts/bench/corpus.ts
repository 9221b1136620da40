// `npm run bench -- --corpus [--only a,b] [--no-peer]`: the corpus contracts through sync and
// build (scripts/corpus/run.ts), one row each, and for the contracts the targets name (GitHub,
// Stripe, OCPPLAB, 1,000 synthetic operations) the peer stack's build of the same file measured
// in the same run (../shared/peer/build.sh), with our time as a ratio of its time.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { selectedContracts } from '../corpus/cli.ts';
import { type ContractRun, runContract } from '../corpus/run.ts';
import { syntheticContract } from './contract.ts';
import { kilobytes, megabytes } from './reports/units.ts';
import { markdownTable } from './table.ts';

const PEER = path.resolve(import.meta.dirname, '../../../shared/peer/build.sh');

/** The targets of the issue, by corpus name: the peer ratio and the limits they set. */
const TARGETS: Record<
  string,
  { ratio?: number; buildSeconds?: number; syncSeconds?: number; distMb?: number; peakGb?: number }
> = {
  'github-api': { ratio: 0.3, distMb: 80 },
  'stripe-spec3': { syncSeconds: 60, buildSeconds: 60, distMb: 80, peakGb: 2 },
  ocpplab: { ratio: 0.7 },
  'synthetic-1000': { buildSeconds: 20 },
};

interface PeerRun {
  seconds: number;
  distMb: number;
  largestPageBytes: number;
  exit: number;
}

/** `peer: exit 0 wall 1:02.31 peak_rss_kb … dist_mb 12 pages … largest_page_bytes …` */
function parsePeer(line: string): PeerRun | undefined {
  const match = /exit (\d+) wall (\S+) .*dist_mb (\d+) .*largest_page_bytes (\d+)/.exec(line);
  if (match === null) return undefined;
  const [, exit = '1', wall = '0', dist = '0', largest = '0'] = match;
  const seconds = wall.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return { exit: Number(exit), seconds, distMb: Number(dist), largestPageBytes: Number(largest) };
}

async function peerBuild(contract: string): Promise<PeerRun | string> {
  const workdir = path.join(process.env.HOME ?? '/tmp', '.cache/ocpplab-peer-corpus');
  try {
    const { stdout } = await promisify(execFile)('bash', [PEER, contract, workdir], { maxBuffer: 1 << 24 });
    return parsePeer(stdout) ?? `unreadable: ${stdout.trim().slice(-200)}`;
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    return parsePeer(out) ?? `failed: ${out.trim().slice(-200) || (error as Error).message}`;
  }
}

function verdict(name: string, run: ContractRun, peer: PeerRun | string | undefined): string {
  const target = TARGETS[name];
  if (target === undefined) return '';
  const misses: string[] = [];
  if (
    target.ratio !== undefined &&
    typeof peer === 'object' &&
    run.build.seconds / peer.seconds > target.ratio
  )
    misses.push(`ratio > ${target.ratio}`);
  if (target.buildSeconds !== undefined && run.build.seconds >= target.buildSeconds)
    misses.push(`build ≥ ${target.buildSeconds} s`);
  if (target.syncSeconds !== undefined && run.sync.seconds >= target.syncSeconds)
    misses.push(`sync ≥ ${target.syncSeconds} s`);
  if (target.distMb !== undefined && run.distBytes > target.distMb * 1e6)
    misses.push(`dist > ${target.distMb} MB`);
  const peakLimit = target.peakGb === undefined ? undefined : target.peakGb * 1e9;
  if (
    peakLimit !== undefined &&
    Math.max(run.sync.peakRssBytes ?? 0, run.build.peakRssBytes ?? 0) >= peakLimit
  )
    misses.push(`peak ≥ ${target.peakGb} GB`);
  return misses.length === 0 ? 'met' : `missed: ${misses.join(', ')}`;
}

export async function benchCorpus(argv: string[]): Promise<void> {
  const withPeer = !argv.includes('--no-peer');
  mkdirSync('.cache', { recursive: true });
  const work = mkdtempSync(path.join('.cache', 'bench-corpus-'));
  console.log(
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 1e9).toFixed(1)} GB, Node ${process.version}`,
  );
  const contracts = selectedContracts(argv).flatMap(({ entry, file, missing }) => {
    if (file !== undefined) return [{ name: entry.name, file }];
    console.log(`skip ${entry.name}: ${missing}`);
    return [];
  });
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1]?.split(',') : undefined;
  if (only === undefined || only.includes('synthetic-1000')) {
    const file = path.join(work, 'synthetic-1000.json');
    writeFileSync(file, JSON.stringify(syntheticContract(1000), null, 2));
    contracts.push({ name: 'synthetic-1000', file });
  }
  const header = [
    'contract',
    'ops',
    'sync',
    'sync peak',
    'build',
    'build peak',
    'dist',
    'largest page',
    'peer build',
    'peer dist',
    'ratio',
    'target',
  ];
  const rows: string[][] = [];
  const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : megabytes(bytes));
  try {
    for (const { name, file } of contracts) {
      const dir = path.join(work, name);
      console.log(`${name}…`);
      try {
        const run = await runContract(file, dir);
        // The peer builds the same bundled file ours does.
        const peer =
          withPeer && name in TARGETS
            ? await peerBuild(path.join(dir, 'project/openapi/openapi.json'))
            : undefined;
        const peerCells =
          peer === undefined
            ? ['', '', '']
            : typeof peer === 'string'
              ? [peer, '', '']
              : [
                  `${peer.seconds.toFixed(1)} s${peer.exit === 0 ? '' : ` (exit ${peer.exit})`}`,
                  `${peer.distMb} MB`,
                  `${(run.build.seconds / peer.seconds).toFixed(2)}×`,
                ];
        rows.push([
          name,
          String(run.operations),
          `${run.sync.seconds.toFixed(1)} s`,
          mb(run.sync.peakRssBytes),
          `${run.build.seconds.toFixed(1)} s`,
          mb(run.build.peakRssBytes),
          mb(run.distBytes),
          kilobytes(run.largestPageBytes),
          ...peerCells,
          verdict(name, run, peer),
        ]);
      } catch (error) {
        rows.push([
          name,
          '',
          `failed: ${(error as Error).message.split('\n')[0]}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`\n${markdownTable(header, rows)}`);
}
