import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tokenFigures } from '../../scripts/bench/tokens.ts';
import { resolveSiteConfig } from '../../src/config.ts';
import { fieldLines } from '../../src/markdown/fields.ts';
import { llmsFullParts } from '../../src/markdown/llms.ts';
import { operationMarkdown } from '../../src/markdown/operation.ts';
import { pageBody, pageTwin, type TwinContext } from '../../src/markdown/page.ts';
import type { ReferenceContext } from '../../src/markdown/reference-context.ts';
import { webhookMarkdown } from '../../src/markdown/webhook.ts';
import { buildModel } from '../../src/model/build.ts';
import { loadModel } from '../../src/model/load.ts';
import { referencePages, SCHEMA_LETTER_SLUGS, SCHEMAS_PER_PAGE } from '../../src/model/pages.ts';
import { emptyNode } from '../../src/model/schema.ts';
import type { SchemaNode } from '../../src/model/types.ts';
import { fixtureContracts, MODEL_OPTIONS, manySchemasContract, modelOf } from '../model/fixtures.ts';
import { contractFieldNames } from './names.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

const config = resolveSiteConfig(
  { site: 'https://docs.ocpplab.com', contractPath: 'openapi/openapi.json' },
  {},
);
const model = loadModel(config.contractPath, config);
const context: ReferenceContext = { site: config.site, model, mode: 'page' };
const twinContext: TwinContext = { ...context, guideSource: () => undefined };

function operation(slugEnd: string) {
  const found = model.operations.find((candidate) => candidate.slug.endsWith(slugEnd));
  if (found === undefined) throw new Error(`No operation ends with ${slugEnd}`);
  return model.detail(found);
}

describe('operation twins', () => {
  it('describe start-transaction, whose target is oneOf ChargerTarget/LocationTarget (golden file)', async () => {
    await expect(operationMarkdown(operation('/start-transaction'), context)).toMatchFileSnapshot(
      '../fixtures/markdown/golden/operation-start-transaction.md',
    );
  });

  it('name every parameter and every request and success-response field of every operation', () => {
    const missing: string[] = [];
    for (const summary of model.operations) {
      const twin = operationMarkdown(model.detail(summary), context);
      for (const name of contractFieldNames(model.detail(summary), { errors: false })) {
        if (!twin.includes(`\`${name}\``)) missing.push(`${summary.key}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('list the curl, Python and TypeScript samples consecutively, titled by language', () => {
    const twin = operationMarkdown(operation('/start-transaction'), context);
    const titles = [...twin.matchAll(/^```(\w+) title="([^"]+)"$/gm)].map(
      (match) => `${match[1]} ${match[2]}`,
    );
    expect(titles.slice(0, 3)).toEqual(['bash curl', 'python Python', 'ts TypeScript']);
  });
});

describe('webhook twins', () => {
  it('describe charger.provisioning.updated: signature header, payload and the expected answer (golden file)', async () => {
    const webhook = model.webhooks.find((candidate) => candidate.name === 'charger.provisioning.updated');
    if (webhook === undefined) throw new Error('The contract has no charger.provisioning.updated webhook');
    await expect(webhookMarkdown(webhook, context)).toMatchFileSnapshot(
      '../fixtures/markdown/golden/webhook-charger-provisioning-updated.md',
    );
  });
});

describe('field lines', () => {
  const node = (extra: Partial<SchemaNode>): SchemaNode => ({ ...emptyNode('string'), ...extra });
  const scope = { expanded: new Set<string>(), expandNamed: true, schemaLink: () => undefined, terse: false };
  const cases: [given: string, schema: SchemaNode, required: boolean, want: string][] = [
    [
      'type, requirement, constraints and enum',
      node({
        description: 'Protocol',
        constraints: [{ keyword: 'maxLength', value: 9 }],
        enum: ['ocpp1.6', 'ocpp2.0.1'],
      }),
      true,
      '- `v` (string, required, max length 9): Protocol. One of: `ocpp1.6`, `ocpp2.0.1`.',
    ],
    [
      'a default and deprecation',
      node({ type: 'integer', deprecated: true, default: { value: 1 } }),
      false,
      '- `v` (integer, deprecated, default `1`)',
    ],
    [
      'nullability in the type',
      node({ nullable: true, format: 'uuid' }),
      false,
      '- `v` (string (uuid) | null)',
    ],
  ];
  it.each(cases)('show %s', (_given, schema, required, want) => {
    expect(fieldLines({ name: 'v', required, schema }, scope, 0)).toEqual([want]);
  });

  it('expand a named schema once per section, then only name it', () => {
    const inner = node({
      type: 'object',
      ref: 'Target',
      properties: [{ name: 'id', required: true, schema: node({}) }],
    });
    const shared = {
      expanded: new Set<string>(),
      expandNamed: true,
      schemaLink: () => undefined,
      terse: false,
    };
    const first = fieldLines({ name: 'a', required: true, schema: inner }, shared, 0);
    const second = fieldLines({ name: 'b', required: true, schema: inner }, shared, 0);
    expect(first).toEqual(['- `a` (Target, required)', '  - `id` (string, required)']);
    expect(second).toEqual(['- `b` (Target, required)']);
  });
});

describe('llms-full.txt reference part', () => {
  const pages = referencePages(model);
  const input = {
    title: 'OCPPLAB Gateway',
    summary: 'Simulated charge points.',
    guides: [],
    reference: pages,
  };

  it('is the same bytes for the same contract, made by two fresh processes', async () => {
    const digest = () =>
      run(
        process.execPath,
        [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tests/support/llms-full-digest.ts'],
        {
          cwd: ROOT,
        },
      ).then(({ stdout }) => stdout);
    const [first, second] = await Promise.all([digest(), digest()]);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
  }, 60_000);

  it('names every field of the contract, error bodies included', () => {
    const text = llmsFullParts(input, twinContext).reference.join('\n');
    const missing = model.operations.flatMap((summary) =>
      contractFieldNames(model.detail(summary), { errors: true })
        .filter((name) => !text.includes(`\`${name}\``))
        .map((name) => `${summary.key}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('carries the reference in fewer tokens than the minified contract', () => {
    const text = llmsFullParts(input, twinContext).reference.join('\n---\n\n');
    const figures = tokenFigures(text, readFileSync('openapi/openapi.json', 'utf8'));
    expect(figures.reference).toBeLessThan(figures.contract);
  });

  it('starts each standalone twin with the header block and the page title', () => {
    const page = pages.find((candidate) => candidate.kind === 'schema');
    if (page === undefined) throw new Error('no schema page');
    const twin = pageTwin(page, twinContext);
    expect(twin.split('\n').slice(0, 6)).toEqual([
      '> For clean Markdown of any page, append .md to the page URL.',
      '> For a complete documentation index, see https://docs.ocpplab.com/llms.txt.',
      '> For full documentation content, see https://docs.ocpplab.com/llms-full.txt.',
      '> For AI client integration (Claude Code, Cursor, etc.), connect to the MCP server at https://docs.ocpplab.com/_mcp/server.',
      '',
      `# ${page.title}`,
    ]);
  });
});

describe('schema twins', () => {
  it('say which schema each value of an allOf base discriminator selects', () => {
    const contract = fixtureContracts().find((entry) => entry.name === 'redoc-petstore-3.1');
    if (contract === undefined) throw new Error('no redoc-petstore-3.1 fixture');
    const petstore = modelOf(contract);
    const page = referencePages(petstore).find(
      (entry) => entry.kind === 'schema' && entry.schema.name === 'Pet',
    );
    if (page === undefined) throw new Error('no Pet schema page');
    const twin = pageTwin(page, {
      site: config.site,
      model: petstore,
      mode: 'page',
      guideSource: () => undefined,
    });
    expect(twin).toContain(
      'The `petType` field selects the schema: `cat` → [Cat](https://docs.ocpplab.com/api-reference/schemas/cat.md), `dog` → [Dog](https://docs.ocpplab.com/api-reference/schemas/dog.md), `bee` → [HoneyBee](https://docs.ocpplab.com/api-reference/schemas/honey-bee.md).',
    );
    // Where Pet is a body, the twin says it too, as the HTML field list does.
    const webhook = petstore.webhooks.find((entry) => entry.name === 'newPet');
    if (webhook === undefined) throw new Error('no newPet webhook');
    expect(webhookMarkdown(webhook, { site: config.site, model: petstore, mode: 'page' })).toContain(
      'The `petType` field selects the schema: `cat` →',
    );
  });
});

describe('schemas index twins', () => {
  /** The schema twins a listing links to, by name. */
  const listedNames = (markdown: string) =>
    [
      ...markdown.matchAll(
        /^- \[([^\]]+)\]\(https:\/\/docs\.ocpplab\.com\/api-reference\/schemas\/([^/]+)\.md\)/gm,
      ),
    ]
      .filter((match) => !SCHEMA_LETTER_SLUGS.includes(match[2] ?? ''))
      .map((match) => match[1]);

  it(`list every schema of a contract of at most ${SCHEMAS_PER_PAGE} on the one index twin`, () => {
    const index = referencePages(model).find((page) => page.kind === 'schema-index');
    if (index === undefined) throw new Error('no schemas index');
    const twin = pageTwin(index, twinContext);
    expect(twin).toContain(
      '\n# Schemas\n\nEvery named schema (model) of the contract, alphabetically.\n\n- [',
    );
    expect(listedNames(twin).sort()).toEqual(model.schemas.map((schema) => schema.name).sort());
  });

  const many = buildModel(manySchemasContract(), MODEL_OPTIONS);
  const manyContext: TwinContext = {
    site: config.site,
    model: many,
    mode: 'page',
    guideSource: () => undefined,
  };
  const pages = referencePages(many);
  const letterPages = pages.filter((page) => page.kind === 'schema-letter');

  it('past that, give the index twin the letters (golden file) and each letter page a twin of its own', async () => {
    const index = pages.find((page) => page.kind === 'schema-index');
    if (index === undefined) throw new Error('no schemas index');
    await expect(pageBody(index, manyContext)).toMatchFileSnapshot(
      '../fixtures/markdown/golden/schemas-index-letters.md',
    );
    const first = letterPages[0];
    if (first === undefined) throw new Error('no letter page');
    await expect(pageTwin(first, manyContext)).toMatchFileSnapshot(
      '../fixtures/markdown/golden/schemas-letter-a.md',
    );
    expect(listedNames(pageBody(index, manyContext))).toEqual([]);
  });

  it('list every schema on exactly one letter twin, at most a page of them on each', () => {
    const listed = letterPages.map((page) => listedNames(pageBody(page, manyContext)));
    for (const names of listed) expect(names.length).toBeLessThanOrEqual(SCHEMAS_PER_PAGE);
    expect(listed.flat().sort()).toEqual(many.schemas.map((schema) => schema.name).sort());
  });

  it("link a split letter's twins to one another and to the index", () => {
    const second = letterPages.find((page) => page.slug.endsWith('/b/2'));
    if (second === undefined) throw new Error('no second page of B');
    const body = pageBody(second, manyContext);
    expect(body.split('\n\n').slice(0, 2)).toEqual([
      'The 450 schemas whose names start with B, alphabetically. This is page 2 of 3: Balance151 to Balance300. [All letters](https://docs.ocpplab.com/api-reference/schemas.md)',
      [
        '- [Balance001 to Balance150](https://docs.ocpplab.com/api-reference/schemas/b.md)',
        '- Balance151 to Balance300',
        '- [Balance301 to Balance450](https://docs.ocpplab.com/api-reference/schemas/b/3.md)',
      ].join('\n'),
    ]);
  });

  it('cut a long description without leaving a code span open', () => {
    const c = letterPages.find((page) => page.slug.endsWith('/c'));
    if (c === undefined) throw new Error('no page of C');
    const line = pageBody(c, manyContext).split('\n').at(-1) ?? '';
    expect(line).toMatch(/: A charger: it charges cars, .*and…$/);
    expect(line.split('`').length % 2).toBe(1);
  });
});
