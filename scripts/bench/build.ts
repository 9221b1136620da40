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
export function treeRss(root: number): number | undefined {
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

/** Builds the site from a contract into `outDir`, timing it and sampling its memory. */
export function buildSite(contractPath: string, outDir: string, operations: number): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = astroBuild(['--outDir', outDir], {
      env: { ...process.env, OCPPLAB_CONTRACT: contractPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    let peak: number | undefined;
    const timer = setInterval(() => {
      if (child.pid === undefined) return;
      const now = treeRss(child.pid);
      if (now !== undefined) peak = Math.max(peak ?? 0, now);
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(
          new Error(`bench: 'astro build' of ${contractPath} failed (exit ${code}):\n${log.slice(-4000)}`),
        );
        return;
      }
      resolve({ operations, contractPath, outDir, seconds, peakRssBytes: peak });
    });
  });
}
