import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sync } from '../../scripts/sync/sync.ts';
import {
  contract,
  options,
  PROJECT,
  removeTempDirs,
  snapshot,
  tempProject,
  tempSource,
  writeFiles,
} from './helpers.ts';

afterAll(removeTempDirs);

const CLI = path.join(PROJECT, 'scripts/sync/cli.ts');
const TSX = import.meta.resolve('tsx');

/** `npm run sync -- …` as a child process in `cwd` (a temporary project, never this one). */
function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test starts a Node process that loads the bundler and the type generator: allow for a busy machine.
describe('the command line', { timeout: 180_000 }, () => {
  it('--help explains every flag and exits 0', async () => {
    const { status, stdout } = cli(await tempProject(), '--help');
    expect(status).toBe(0);
    for (const flag of ['--from', '--ref', '--path', '--json', '--check', '--dry-run', '--help']) {
      expect(stdout).toContain(`  ${flag}`);
    }
  });

  it('says how to give a source when none is configured, and exits 2', async () => {
    const { status, stdout, stderr } = cli(await tempProject());
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error: npm run sync: no contract source is configured. Fix: pass one with `npm run sync -- --from <directory | git URL>`, or set "sync": { "from": "…" } in ocpplab-docs.config.json.\n',
    );
  });

  it('rejects an unknown flag with exit 2', async () => {
    const { status, stderr } = cli(await tempProject(), '--form', 'x');
    expect(status).toBe(2);
    expect(stderr).toContain("error: Unknown option '--form'.");
    expect(stderr).toContain('Fix: see `npm run sync -- --help`.');
  });

  it('with --json prints only the report on stdout and the stages, with durations, on stderr', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await writeFiles(root, { 'ocpplab-docs.config.json': { sync: { from: source } } });
    const { status, stdout, stderr } = cli(root, '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ from: null, to: '1.0.0', changes: [], guides: [] });
    for (const stage of [
      'fetch',
      'load',
      'bundle',
      'validate',
      'read',
      'diff',
      'types',
      'changelog',
      'urls',
      'history',
      'write',
    ]) {
      expect(stderr).toMatch(new RegExp(`^  ${stage} +\\d+ ms`, 'm'));
    }
  });

  it('exits 2 on a bad input and leaves openapi/ untouched', async () => {
    const root = await tempProject({ withCommittedContract: true });
    const before = await snapshot(root);
    const source = await tempSource({ 'openapi/openapi.json': { swagger: '2.0' } });
    const { status, stderr } = cli(root, '--from', source);
    expect(status).toBe(2);
    expect(stderr).toBe(
      'error: openapi/openapi.json: Swagger 2.0 is not supported. Fix: convert the contract to OpenAPI 3 (for example with swagger2openapi) in the source, then sync again.\n',
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('--check exits 1 when the committed contract differs from the source, 0 once synced', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    const stale = cli(root, '--from', source, '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe(
      'check: openapi/openapi.json and src/generated/ocpplab.d.ts differ from the source. Fix: run `npm run sync` and commit.\n',
    );
    expect(await snapshot(root)).toEqual(await snapshot(await tempProject()));
    await sync(options(root, { from: source }));
    expect(cli(root, '--from', source, '--check').status).toBe(0);
  });
});
