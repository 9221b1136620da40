import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SyncOptions } from './config.ts';
import { SyncError } from './errors.ts';

const run = promisify(execFile);

/** A directory holding the source, ready to read. */
export interface Checkout {
  dir: string;
  /** The commit checked out, or HEAD of a directory that is a git repository; null otherwise. */
  commit: string | null;
  /** Removes the temporary clone, if any. */
  cleanup(): Promise<void>;
}

async function git(args: string[], cwd?: string): Promise<string> {
  // Never wait for a password prompt: an unreachable repository must fail, not hang.
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'echo' };
  const { stdout } = await run('git', args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

function gitMessage(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text = typeof stderr === 'string' && stderr.trim() !== '' ? stderr : String(error);
  const first = text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('fatal:') || line.startsWith('error:'));
  return first ?? text.trim().split('\n')[0] ?? 'unknown error';
}

/**
 * Get the source: a directory is read where it is; a git URL (or a directory with `--ref`) is
 * fetched shallowly into a temporary directory that `cleanup()` removes.
 */
export async function fetchSource(options: SyncOptions): Promise<Checkout> {
  if (!options.remote) {
    const info = await stat(options.location).catch(() => undefined);
    if (info === undefined || !info.isDirectory()) {
      throw new SyncError(
        options.from,
        info === undefined ? 'no such directory' : 'not a directory',
        'pass --from an existing directory or a git URL (file://, https://, ssh)',
      );
    }
    if (options.ref === null) {
      const commit = existsSync(path.join(options.location, '.git'))
        ? await git(['rev-parse', 'HEAD'], options.location).catch(() => null)
        : null;
      return { dir: options.location, commit, cleanup: async () => {} };
    }
  }
  return clone(options.location, options.from, options.ref);
}

async function clone(url: string, from: string, ref: string | null): Promise<Checkout> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ocpplab-sync-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const wanted = ref ?? 'HEAD';
  try {
    await git(['init', '--quiet', dir]);
    try {
      await git(['fetch', '--quiet', '--depth', '1', url, wanted], dir);
    } catch (shallowError) {
      // An abbreviated commit cannot be fetched by name: fetch the history and look it up.
      if (!/^[0-9a-f]{4,39}$/i.test(wanted)) throw shallowError;
      await git(
        ['fetch', '--quiet', url, '+refs/heads/*:refs/remotes/source/*', '+refs/tags/*:refs/tags/*'],
        dir,
      );
      await git(
        ['update-ref', 'FETCH_HEAD', await git(['rev-parse', '--verify', `${wanted}^{commit}`], dir)],
        dir,
      );
    }
    await git(['checkout', '--quiet', 'FETCH_HEAD'], dir);
    return { dir, commit: await git(['rev-parse', 'HEAD'], dir), cleanup };
  } catch (error) {
    await cleanup();
    throw new SyncError(
      from,
      `cannot fetch ${ref === null ? 'the default branch' : `ref '${ref}'`} (${gitMessage(error)})`,
      'check that --from is a reachable git repository or an existing directory, and that --ref exists in it',
    );
  }
}
