import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { astroBuild } from '../astro-build.ts';

/** What one benchmark build produced: the input to every report. */
export interface BuildRun {
  /** Operations in the contract. */
  operations: number;
  contractPath: string;
  outDir: string;
  seconds: number;
  /** Highest resident memory of the build's process tree, sampled every 100 ms (Linux `/proc`). */
  peakRssBytes: number | undefined;
}

/** Resident memory of a process and its descendants, from `/proc`; undefined off Linux. */
function treeRss(root: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of entries) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = /^PPid:\s+(\d+)/m.exec(status)?.[1];
      const resident = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      if (ppid !== undefined) parents.set(Number(entry), Number(ppid));
      if (resident !== undefined) rss.set(Number(entry), Number(resident) * 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const pid of rss.keys()) {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parents.get(at)) {
      if (at === root) {
        total += rss.get(pid) ?? 0;
        break;
      }
    }
  }
  return total;
}

/** A finished child process: how long it ran, its peak memory, the end of what it printed. */
export interface Measured {
  seconds: number;
  peakRssBytes: number | undefined;
  code: number | null;
  /** The last 20,000 characters of its stdout and stderr. */
  log: string;
}

/** Runs a child process, timing it and sampling its process tree's memory every 100 ms. */
export function spawnMeasured(start: () => ChildProcess): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = start();
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let peak: number | undefined;
    const timer = setInterval(() => {
      const now = child.pid === undefined ? undefined : treeRss(child.pid);
      if (now !== undefined) peak = Math.max(peak ?? 0, now);
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, peakRssBytes: peak, code, log });
    });
  });
}

/** Builds the site from a contract into `outDir`, timing it and sampling its memory. */
export async function buildSite(contractPath: string, outDir: string, operations: number): Promise<BuildRun> {
  const run = await spawnMeasured(() =>
    astroBuild(['--outDir', outDir], {
      env: { ...process.env, OCPPLAB_CONTRACT: contractPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  if (run.code !== 0) {
    throw new Error(
      `bench: 'astro build' of ${contractPath} failed (exit ${run.code}):\n${run.log.slice(-4000)}`,
    );
  }
  return { operations, contractPath, outDir, seconds: run.seconds, peakRssBytes: run.peakRssBytes };
}
