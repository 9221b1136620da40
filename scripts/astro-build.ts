// How every production build of the site is started: `npm run build`, `npm start`, the tests
// and the benchmark all spawn `astro build` through `astroBuild`, with the same Node flags.
//
// `--max-semi-space-size=32`: rendering thousands of pages allocates many short-lived strings
// and objects; a larger young generation lets more of them die there instead of being copied,
// which cut the build's CPU time by about a tenth at 1,000 operations (scripts/bench).
//
// Run directly (`tsx scripts/astro-build.ts [astro build options]`), it builds with the
// terminal attached and exits with the build's status.
import { type SpawnOptions, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD_NODE_FLAGS = ['--max-semi-space-size=32'];

const ASTRO = resolve(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');

/** Spawns `astro build` with the build's Node flags; `args` are passed to astro (`--outDir x`). */
export function astroBuild(args: readonly string[], options: SpawnOptions) {
  return spawn(process.execPath, [...BUILD_NODE_FLAGS, ASTRO, 'build', ...args], options);
}

/**
 * Reads the contract the build would read and builds its model, so that a contract the site
 * cannot be made from stops the build with one message (file, place, fix) instead of a stack
 * trace from inside Astro. Returns the message, or undefined when the contract is fine.
 */
async function contractProblem(): Promise<string | undefined> {
  const { resolveSiteConfig } = await import('../src/config.ts');
  const { loadModel } = await import('../src/model/load.ts');
  try {
    const config = resolveSiteConfig();
    loadModel(config.contractPath, config);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problem = await contractProblem();
  if (problem !== undefined) {
    process.stderr.write(`error: ${problem}\n`);
    process.exit(1);
  }
  const child = astroBuild(process.argv.slice(2), { stdio: 'inherit' });
  child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal === null ? 1 : 128);
  });
}
