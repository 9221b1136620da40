/**
 * The Quickstart is tied to the contract: renaming a required field of the create-location body
 * in a copy of the contract makes its create-location blocks fail in the snippet tests.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractBlocks } from '../../scripts/snippets/extract.ts';
import { driftedContract, root, snippetCli } from '../snippets/helpers.ts';

const timeout = 240_000;
let scratch: string;
let docs: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ocpplab-quickstart-drift-'));
  // Only the Quickstart, so the runs stay short; its report lines name it by this folder.
  docs = join(scratch, 'docs');
  await mkdir(docs);
  await copyFile(join(root, 'docs/quickstart.mdx'), join(docs, 'quickstart.mdx'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The lines of the Quickstart's "Create a location" blocks, one per language. */
async function createLocationLines(): Promise<number[]> {
  const markdown = await readFile(join(root, 'docs/quickstart.mdx'), 'utf8');
  const blocks = extractBlocks({ page: 'docs/quickstart.mdx', markdown, sequence: true }).filter(
    (block) => block.title === 'Create a location',
  );
  return blocks.map((block) => block.line);
}

/** The snippet tests over the Quickstart alone: exit code and report. */
async function runQuickstart(contract: string): Promise<{ code: number; stdout: string }> {
  return snippetCli('--docs-only', '--docs', docs, '--contract', contract).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code?: number; stdout?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '' }),
  );
}

/** `…/docs/quickstart.mdx:172  bash    fail  1.20s` → `172 bash fail` */
function verdicts(stdout: string): string[] {
  return [...stdout.matchAll(/^\S*docs\/quickstart\.mdx:(\d+) +(\w+) +(pass|fail|skip) /gm)].map(
    ([, line, lang, verdict]) => `${line} ${lang} ${verdict}`,
  );
}

// That the Quickstart passes against the committed contract is the snippet step of `npm test`
// (every guide, every block); this file proves it fails where the contract drifts.
describe('the Quickstart against the contract', () => {
  test(
    'fails at its create-location blocks when LocationCreate.name becomes site_name',
    async () => {
      const contract = await driftedContract(scratch, 'site-name', (document) => {
        const schema = document.components.schemas.LocationCreate;
        if (!schema?.required.includes('name')) throw new Error('LocationCreate no longer requires name');
        const { name, ...rest } = schema.properties;
        schema.properties = { site_name: name, ...rest };
        schema.required = schema.required.map((field) => (field === 'name' ? 'site_name' : field));
      });
      const { code, stdout } = await runQuickstart(contract);
      expect(code).toBe(1);
      const [bash, python, ts] = await createLocationLines();
      const results = verdicts(stdout);
      // The first failures are the three create-location blocks; each language's sequence stops there.
      const firstFailures = results.filter((verdict) => verdict.endsWith(' fail')).slice(0, 3);
      expect(firstFailures).toEqual([`${bash} bash fail`, `${python} python fail`, `${ts} ts fail`]);
      // The blocks before them still pass: the drift, not the setup, breaks the page.
      const before = results.filter((verdict) => Number(verdict.split(' ')[0]) < (bash ?? 0));
      expect(before.filter((verdict) => verdict.endsWith(' pass')).length).toBeGreaterThan(2);
      const after = results.filter((verdict) => Number(verdict.split(' ')[0]) > (bash ?? 0));
      expect(after.filter((verdict) => !verdict.endsWith(' fail'))).toEqual([]);
      expect(after.length).toBeGreaterThan(10);
      expect(stdout).toContain(
        "request violation: POST /ocpp/locations → 422: [request.body] Request body must have required property 'site_name'",
      );
    },
    timeout,
  );
});
