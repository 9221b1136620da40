import { describe, expect, it } from 'vitest';
import { fixtureContracts, modelOf } from './fixtures.ts';

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
