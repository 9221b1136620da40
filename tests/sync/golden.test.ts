import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { changelogEntry } from '../../scripts/sync/changelog.ts';
import { diffContracts } from '../../scripts/sync/diff.ts';
import { changeLinks, modelOf } from '../../scripts/sync/pages.ts';
import { formatReport, type Report } from '../../scripts/sync/report.ts';
import { generateTypes, TYPES_HEADER } from '../../scripts/sync/types.ts';
import { contract, removeTempDirs, tempDir, writeFiles } from './helpers.ts';

type Json = Record<string, unknown>;

afterAll(removeTempDirs);

/** A pair with one change of each direction, to pin the generated report and changelog text. */
function pair(): { before: Json; after: Json } {
  const before = contract();
  const after = contract((doc) => {
    (doc.info as Json).version = '2.0.0';
    const things = doc.paths['/things'] as Json;
    Reflect.deleteProperty(things, 'post');
    const get = things.get as Json;
    get.deprecated = true;
    (get.parameters as Json[]).push({
      name: 'owner',
      in: 'query',
      required: true,
      schema: { type: 'string' },
    });
    const schemas = doc.components.schemas as Record<string, Json>;
    (schemas.Status as Json).enum = ['on', 'off', 'broken'];
  });
  return { before, after };
}

function reportOfAPair(): Report {
  const { before, after } = pair();
  return { from: '1.0.0', to: '2.0.0', changes: diffContracts(before, after) };
}

describe('generated files', () => {
  it('the JSON report', async () => {
    await expect(`${JSON.stringify(reportOfAPair(), null, 2)}\n`).toMatchFileSnapshot(
      '../fixtures/sync/golden/report.json',
    );
  });

  it('the console report', async () => {
    await expect(formatReport(reportOfAPair())).toMatchFileSnapshot('../fixtures/sync/golden/report.txt');
  });

  it('a changelog entry', async () => {
    const entry = changelogEntry({
      report: reportOfAPair(),
      provenance: {
        source: '../shared/ocpplab-sdk',
        ref: 'v2.0.0',
        commit: '0123456789abcdef0123456789abcdef01234567',
        path: 'openapi/openapi.json',
        sha256: 'f'.repeat(64),
        version: '2.0.0',
      },
      initial: false,
      date: '2026-05-04',
      operations: 1,
      anchor: 'v2-0-0',
      link: changeLinks(modelOf(pair().before), modelOf(pair().after)),
    });
    await expect(entry).toMatchFileSnapshot('../fixtures/sync/golden/changelog-entry.md');
  });

  it('the types: a header, then declarations that compile', async () => {
    const types = await generateTypes(contract());
    expect(types.startsWith(TYPES_HEADER)).toBe(true);
    await expect(types).toMatchFileSnapshot('../fixtures/sync/golden/fixture.d.ts');
    const dir = await tempDir();
    await writeFiles(dir, {
      'ocpplab.d.ts': types,
      'use.ts': [
        "import type { components, paths } from './ocpplab';",
        "export const status: components['schemas']['Status'] = 'on';",
        "type Body = paths['/things']['post']['requestBody'];",
        "export const body: NonNullable<Body>['content']['application/json'] = { name: 'lamp', color: 'red' };",
        '',
      ].join('\n'),
    });
    const program = ts.createProgram([path.join(dir, 'use.ts')], {
      strict: true,
      noEmit: true,
      // Check the generated declarations themselves, and nothing from this project's node_modules.
      skipLibCheck: false,
      types: [],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
    expect(await readFile(path.join(dir, 'ocpplab.d.ts'), 'utf8')).toBe(types);
  });
});
