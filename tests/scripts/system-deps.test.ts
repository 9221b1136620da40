/**
 * The pre-check `npm test` runs before vitest (scripts/system-deps.sh). `jq` is hidden by giving
 * the script a PATH of small executables only (`id`, `apt-get`), so the test sees what it does
 * on a machine without it: as root it installs with apt-get, otherwise it stops and names the
 * command to run.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/system-deps.sh');
let dir: string | undefined;

afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function runWithoutJq(uid: number, withAptGet: boolean) {
  const bin = mkdtempSync(join(tmpdir(), 'system-deps-'));
  dir = bin;
  const calls = join(bin, 'apt-get-calls');
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  tool('id', `echo ${uid}`);
  if (withAptGet) tool('apt-get', `echo "$@" >> "${calls}"`);
  const run = spawnSync('/bin/bash', [SCRIPT], { env: { PATH: bin }, encoding: 'utf8' });
  const aptGet = existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
  return { status: run.status, stderr: run.stderr, aptGet };
}

describe('scripts/system-deps.sh', () => {
  it('runs before vitest in npm test', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.test).toMatch(/^bash scripts\/system-deps\.sh && vitest run( |$)/);
  });

  it('passes silently on this machine, which has them all', () => {
    const run = spawnSync('/bin/bash', [SCRIPT], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('stops a user who is not root with the command to run, installing nothing', () => {
    const { status, stderr, aptGet } = runWithoutJq(1000, true);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends .*\bjq\b/,
    );
    expect(aptGet).toEqual([]);
  });

  it('installs them with apt-get as root', () => {
    const { status, aptGet } = runWithoutJq(0, true);
    expect(status).toBe(0);
    expect(aptGet[0]).toBe('update -qq');
    expect(aptGet[1]).toMatch(/^install -y --no-install-recommends .*\bjq\b.* -qq$/);
  });

  it('says so on a machine without apt-get', () => {
    const { status, stderr } = runWithoutJq(0, false);
    expect(status).toBe(1);
    expect(stderr).toContain('no apt-get');
    expect(stderr).toContain('jq');
  });
});
