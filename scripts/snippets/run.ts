/** Run: execute one program in its own directory and process group, with a timeout. */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedProgram } from './plan.ts';
import type { Runtime } from './types.ts';

const python = '/usr/bin/python3';

/**
 * Node strips TypeScript types by default from 22.18; 22.6–22.17 need the flag; older Node
 * cannot run the TypeScript blocks at all (undefined).
 */
export function nodeTypeStrippingFlags(version: string): string[] | undefined {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 6)) return undefined;
  const byDefault = major > 22 || (major === 22 && minor >= 18);
  return [...(byDefault ? [] : ['--experimental-strip-types']), '--disable-warning=ExperimentalWarning'];
}

/** The command that runs a program file, or why there is none. */
function commandFor(runtime: Runtime, file: string): { command: string; args: string[] } | string {
  switch (runtime) {
    case 'shell':
      return { command: 'bash', args: ['-euo', 'pipefail', file] };
    case 'python':
      return { command: python, args: [file] };
    case 'typescript': {
      const flags = nodeTypeStrippingFlags(process.version);
      if (flags === undefined) {
        return `Node ${process.version} cannot strip TypeScript types (22.6 or later can); run \`source scripts/node22.sh\` first`;
      }
      return { command: process.execPath, args: [...flags, file] };
    }
    case 'javascript':
      return { command: process.execPath, args: [file] };
  }
}

/**
 * The environment a snippet sees: ours without proxies (all traffic stays on loopback), plus the
 * token in `tokenEnv`, the variable the generated examples read (`tokenEnv` of src/config.ts).
 */
export function snippetEnvironment(
  base: NodeJS.ProcessEnv,
  token: string,
  tokenEnv: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || /^(https?|all|no)_proxy$/i.test(name) || name.startsWith('OCPPLAB_')) continue;
    env[name] = value;
  }
  return {
    ...env,
    [tokenEnv]: token,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}

export interface Execution {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Set when the interpreter could not be started at all. */
  startError: string | undefined;
  output: string;
  startedAt: number;
  endedAt: number;
}

const maxOutput = 64 * 1024;

export async function execute(
  program: RenderedProgram,
  runtime: Runtime,
  options: { dir: string; env: Record<string, string>; timeoutMs: number },
): Promise<Execution> {
  const file = join(options.dir, `main${program.extension}`);
  await writeFile(file, program.text);
  const command = commandFor(runtime, file);
  const startedAt = performance.now();
  if (typeof command === 'string') {
    const endedAt = performance.now();
    return {
      exitCode: null,
      signal: null,
      timedOut: false,
      startError: command,
      output: '',
      startedAt,
      endedAt,
    };
  }
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let startError: string | undefined;
    const child = spawn(command.command, command.args, {
      cwd: options.dir,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const collect = (chunk: Buffer) => {
      if (output.length < maxOutput) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      // The snippet leads its own process group: end it and anything it started.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    }, options.timeoutMs);
    child.once('error', (error) => {
      startError = `${command.command} could not be started (${error.message})`;
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        timedOut,
        startError,
        output: output.length > maxOutput ? `${output.slice(0, maxOutput)}\n… (output cut)` : output,
        startedAt,
        endedAt: performance.now(),
      });
    });
  });
}
