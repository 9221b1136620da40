import { describe, expect, it } from 'vitest';
import { buildModel, PAGE_NODE_BUDGET } from '../../src/model/build.ts';
import type { SchemaNode } from '../../src/model/types.ts';
import { fixtureContracts, MODEL_OPTIONS, modelOf } from './fixtures.ts';

// Contracts real teams have (tests/fixtures/contracts/README.md): each builds, and every
// operation's page resolves, whatever the contract does with $ref keys, versions, tags or cycles.
const byName = (name: string) => {
  const contract = fixtureContracts().find((candidate) => candidate.name === name);
  if (contract === undefined) throw new Error(`no fixture ${name}`);
  return modelOf(contract);
};

describe('contracts the pipeline must take', () => {
  it('example and extension data with $ref keys is data: the model builds and shows it as written', () => {
    const model = byName('crafted-ref-keys-in-examples-3.1');
    const [operation] = model.operations;
    if (operation === undefined) throw new Error('no operation');
    const ok = model.detail(operation).responses.find((response) => response.status === '200');
    const examples = ok?.content[0]?.examples.map((example) => example.value);
    expect(examples).toEqual([
      { name: 'address', document: { $ref: 'https://schemas.example.test/address.json' } },
      {
        name: 'order',
        document: { properties: { ship_to: { $ref: './address.json#/definitions/Address' } } },
      },
    ]);
  });

  it('an OpenAPI 3.2 document builds: nested tags, the query method and additional operations have pages', () => {
    const model = byName('crafted-openapi-3.2');
    expect(model.groups.map((group) => [group.name, group.tags.map((tag) => tag.name)])).toEqual([
      ['Catalogue', ['Catalogue', 'Books']],
      ['Loans', ['Loans']],
    ]);
    expect(model.operations.map((op) => `${op.method} ${op.path} → ${op.slug}`)).toEqual([
      'get /catalogue → api-reference/catalogue/catalogue/catalogue',
      'get /books → api-reference/catalogue/books/list-books',
      'query /books → api-reference/catalogue/books/search-books',
      'purge /books → api-reference/catalogue/books/purge-books',
      'get /loans → api-reference/loans/list-loans',
    ]);
    for (const operation of model.operations) expect(() => model.detail(operation)).not.toThrow();
  });

  it('a contract without tags is grouped by resource, not into one group', () => {
    const model = byName('oai-petstore-expanded');
    expect(model.groups.map((group) => group.name)).toEqual(['Pets']);
  });

  it('circular schemas build without being expanded: every operation resolves', () => {
    for (const name of ['readme-circular', 'readme-schema-circular', 'redoc-petstore-3.1']) {
      const model = byName(name);
      for (const operation of model.operations) expect(() => model.detail(operation)).not.toThrow();
    }
  });
});

/** Ten schemas that each embed the next three (Stripe's expandable objects, in small). */
function embedding(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < 10; i += 1) {
    const properties: Record<string, unknown> = { id: { type: 'string' }, name: { type: 'string' } };
    for (let j = 1; j <= 3; j += 1)
      properties[`s${(i + j) % 10}`] = { $ref: `#/components/schemas/S${(i + j) % 10}` };
    schemas[`S${i}`] = { type: 'object', properties };
  }
  const ok = {
    description: 'OK',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Embedding', version: '1' },
    paths: { '/s': { get: { operationId: 'get', responses: { '200': ok } } } },
    components: { schemas },
  };
}

function nodes(node: SchemaNode): number {
  return 1 + (node.properties ?? []).reduce((sum, field) => sum + nodes(field.schema), 0);
}

describe('pages stay bounded when schemas embed each other', () => {
  it(`an operation expands at most ${PAGE_NODE_BUDGET} schema nodes, linking to the schemas it stops at`, () => {
    const model = buildModel(embedding(), MODEL_OPTIONS);
    const [operation] = model.operations;
    if (operation === undefined) throw new Error('no operation');
    const schema = model.detail(operation).responses[0]?.content[0]?.schema;
    if (schema === undefined) throw new Error('no schema');
    // At depth 6 it would be 3^6 embedded objects deep; the budget takes depth down until it fits.
    expect(nodes(schema)).toBeLessThanOrEqual(PAGE_NODE_BUDGET);
    expect(JSON.stringify(schema)).toContain('"truncated":true');
    const page = model.schemaNode({ name: 'S0', slug: 'x', usedBy: [] });
    expect(nodes(page)).toBeLessThanOrEqual(PAGE_NODE_BUDGET);
  });
});
