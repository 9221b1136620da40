import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import type { JsonObject } from '../../src/model/json.ts';
import { referencePages } from '../../src/model/pages.ts';
import { SlugScope, slugify } from '../../src/model/slug.ts';
import type { ApiModel } from '../../src/model/types.ts';
import { MODEL_OPTIONS } from './fixtures.ts';

const ok = { responses: { '200': { description: 'OK' } } };

function model(document: JsonObject): ApiModel {
  return buildModel({ openapi: '3.1.0', info: { title: 'T', version: '1' }, ...document }, MODEL_OPTIONS);
}

/** `Group → page` / `  Tag → page` / `    get /x → slug`, one line each: the sidebar as text. */
function outline(m: ApiModel): string[] {
  return m.groups.flatMap((group) => [
    `${group.name} → ${group.pageSlug}`,
    ...group.tags.flatMap((tag) => [
      `  ${tag.name} → ${tag.pageSlug}`,
      ...tag.operations.map((op) => `    ${op.key} → ${op.slug}`),
    ]),
  ]);
}

describe('slugify makes readable, URL-safe slugs', () => {
  const cases: { given: string; want: string }[] = [
    { given: 'Core Resources', want: 'core-resources' },
    { given: 'getStatus', want: 'get-status' },
    { given: 'listOCPPChargers', want: 'list-ocpp-chargers' },
    { given: 'chargers_create', want: 'chargers-create' },
    { given: 'OCPI CPOs', want: 'ocpi-cpos' },
    { given: 'Café Crème', want: 'cafe-creme' },
    { given: '  --Hello, World!--  ', want: 'hello-world' },
    { given: 'get /users/{id}', want: 'get-users-id' },
    { given: '日本語', want: 'item' },
    { given: '', want: 'item' },
  ];
  for (const { given, want } of cases) {
    it(`"${given}" becomes "${want}"`, () => {
      expect(slugify(given)).toBe(want);
    });
  }
});

describe('SlugScope hands out unique slugs', () => {
  it('repeats get -2, -3 in order', () => {
    const scope = new SlugScope();
    expect(['list', 'list', 'get', 'list'].map((slug) => scope.take(slug))).toEqual([
      'list',
      'list-2',
      'get',
      'list-3',
    ]);
  });

  it('a reserved slug is never handed out as is', () => {
    expect(new SlugScope(['webhooks']).take('webhooks')).toBe('webhooks-2');
  });

  it('a suffix that is itself taken is skipped', () => {
    const scope = new SlugScope();
    expect(['items-2', 'items', 'items'].map((slug) => scope.take(slug))).toEqual([
      'items-2',
      'items',
      'items-3',
    ]);
  });
});

describe('navigation groups operations by x-tagGroups, then tags', () => {
  it('without x-tagGroups each tag is a group and an untagged operation goes to the group of its resource', () => {
    const m = model({
      tags: [{ name: 'Pets' }, { name: 'Stores' }],
      paths: {
        '/pets': { get: { tags: ['Pets'], operationId: 'listPets', ...ok } },
        '/health': { get: { operationId: 'health', ...ok } },
        '/stores': { get: { tags: ['Stores'], operationId: 'listStores', ...ok } },
        '/owners': { get: { tags: ['Owners'], operationId: 'listOwners', ...ok } },
      },
    });
    expect(outline(m)).toEqual([
      'Pets → api-reference/pets',
      '  Pets → api-reference/pets',
      '    get /pets → api-reference/pets/list-pets',
      'Stores → api-reference/stores',
      '  Stores → api-reference/stores',
      '    get /stores → api-reference/stores/list-stores',
      'Health → api-reference/health',
      '  Health → api-reference/health',
      '    get /health → api-reference/health/health',
      'Owners → api-reference/owners',
      '  Owners → api-reference/owners',
      '    get /owners → api-reference/owners/list-owners',
    ]);
  });

  it('with x-tagGroups, tags no group lists and untagged operations end in "Other", by resource', () => {
    const m = model({
      tags: [{ name: 'Pets', description: 'Animals.' }, { name: 'Stray' }],
      'x-tagGroups': [
        { name: 'Core', tags: ['Pets'] },
        { name: 'Empty', tags: ['Nothing'] },
      ],
      paths: {
        '/pets': { get: { tags: ['Pets'], operationId: 'list', ...ok } },
        '/stray': { get: { tags: ['Stray'], operationId: 'stray', ...ok } },
        '/health': { get: { operationId: 'health', ...ok } },
      },
    });
    expect(outline(m)).toEqual([
      'Core → api-reference/core',
      '  Pets → api-reference/core/pets',
      '    get /pets → api-reference/core/pets/list',
      'Other → api-reference/other',
      '  Stray → api-reference/other/stray',
      '    get /stray → api-reference/other/stray/stray',
      '  Health → api-reference/other/health',
      '    get /health → api-reference/other/health/health',
    ]);
    expect(m.groups[0]?.tags[0]?.description).toBe('Animals.');
  });

  it('groups a contract without tags by the first path segment that names a resource', () => {
    const m = model({
      paths: {
        '/v1/payment_intents': {
          get: { operationId: 'listIntents', ...ok },
          post: { operationId: 'createIntent', ...ok },
        },
        '/v1/payment_intents/{intent}': { get: { operationId: 'getIntent', ...ok } },
        '/v1/customers/{customer}/sources': { get: { operationId: 'listSources', ...ok } },
        '/2010-04-01/Accounts/{Sid}/Calls.json': { get: { operationId: 'listCalls', ...ok } },
        '/{tenant}': { get: { operationId: 'tenant', ...ok } },
      },
    });
    expect(outline(m)).toEqual([
      'Payment intents → api-reference/payment-intents',
      '  Payment intents → api-reference/payment-intents',
      '    get /v1/payment_intents → api-reference/payment-intents/list-intents',
      '    post /v1/payment_intents → api-reference/payment-intents/create-intent',
      '    get /v1/payment_intents/{intent} → api-reference/payment-intents/get-intent',
      'Customers → api-reference/customers',
      '  Customers → api-reference/customers',
      '    get /v1/customers/{customer}/sources → api-reference/customers/list-sources',
      'Accounts → api-reference/accounts',
      '  Accounts → api-reference/accounts',
      '    get /2010-04-01/Accounts/{Sid}/Calls.json → api-reference/accounts/list-calls',
      'Other → api-reference/other',
      '  Other → api-reference/other',
      '    get /{tenant} → api-reference/other/tenant',
    ]);
  });

  it('nests OpenAPI 3.2 tags under their parent, titles them by summary and places by nav tags, not badges', () => {
    const m = model({
      openapi: '3.2.0',
      tags: [
        { name: 'store', summary: 'Store' },
        { name: 'orders', summary: 'Orders', parent: 'store', description: 'Buying.' },
        { name: 'refunds', parent: 'orders' },
        { name: 'beta', kind: 'badge' },
        { name: 'users', kind: 'nav' },
      ],
      paths: {
        '/orders': {
          get: { tags: ['beta', 'orders'], operationId: 'listOrders', ...ok },
          query: { tags: ['orders'], operationId: 'searchOrders', ...ok },
          additionalOperations: { PURGE: { tags: ['orders'], operationId: 'purgeOrders', ...ok } },
        },
        '/refunds': { post: { tags: ['refunds'], operationId: 'refund', ...ok } },
        '/store': { get: { tags: ['store'], operationId: 'store', ...ok } },
        '/users': { get: { tags: ['users'], operationId: 'users', ...ok } },
      },
    });
    expect(outline(m)).toEqual([
      'Store → api-reference/store',
      '  Store → api-reference/store/store',
      '    get /store → api-reference/store/store/store',
      '  Orders → api-reference/store/orders',
      '    get /orders → api-reference/store/orders/list-orders',
      '    query /orders → api-reference/store/orders/search-orders',
      '    purge /orders → api-reference/store/orders/purge-orders',
      '  refunds → api-reference/store/refunds',
      '    post /refunds → api-reference/store/refunds/refund',
      'users → api-reference/users',
      '  users → api-reference/users',
      '    get /users → api-reference/users/users',
    ]);
    expect(m.groups[0]?.tags[1]?.description).toBe('Buying.');
  });

  it('colliding operationIds in one tag still get one page each', () => {
    const m = model({
      paths: {
        '/items': {
          get: { tags: ['Items'], operationId: 'items', ...ok },
          post: { tags: ['Items'], operationId: 'items', ...ok },
        },
        '/items/{id}': { get: { tags: ['Items'], operationId: 'Items', ...ok } },
        '/items-2': { get: { tags: ['Items'], operationId: 'items-2', ...ok } },
      },
    });
    const slugs = m.operations.map((op) => op.slug);
    expect(slugs).toEqual([
      'api-reference/items/items',
      'api-reference/items/items-2',
      'api-reference/items/items-3',
      'api-reference/items/items-2-2',
    ]);
    expect(new Set(referencePages(m).map((page) => page.slug)).size).toBe(referencePages(m).length);
  });

  it('the SDK method name wins over the operationId, and method + path is the last resort', () => {
    const m = model({
      paths: {
        '/a': {
          get: { tags: ['T'], operationId: 'things_get', 'x-fern-sdk-method-name': 'getThing', ...ok },
        },
        '/b/{id}': { delete: { tags: ['T'], ...ok } },
      },
    });
    expect(m.operations.map((op) => op.slug)).toEqual([
      'api-reference/t/get-thing',
      'api-reference/t/delete-b-id',
    ]);
  });

  it('a group named like a reserved page gets a suffix', () => {
    const m = model({ paths: { '/w': { get: { tags: ['Webhooks'], operationId: 'w', ...ok } } } });
    expect(m.groups.map((group) => group.pageSlug)).toEqual(['api-reference/webhooks-2']);
  });

  it('every operation appears exactly once, in sidebar order', () => {
    const m = model({
      'x-tagGroups': [{ name: 'G', tags: ['B', 'A'] }],
      paths: {
        '/a': { get: { tags: ['A', 'B'], operationId: 'a', ...ok } },
        '/b': { get: { tags: ['B'], operationId: 'b', ...ok } },
      },
    });
    expect(m.operations.map((op) => op.key)).toEqual(['get /b', 'get /a']);
  });
});

describe('security: requirements per operation', () => {
  const base: JsonObject = {
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        key: { type: 'apiKey', in: 'header', name: 'X-Key' },
      },
    },
    security: [{ bearer: [] }],
  };
  const cases: { name: string; given: JsonObject; want: string[][] }[] = [
    { name: 'no security of its own uses the contract default', given: {}, want: [['bearer']] },
    { name: 'security: [] means no authentication', given: { security: [] }, want: [] },
    {
      name: '[{}] is a requirement with no scheme: authentication optional',
      given: { security: [{}] },
      want: [[]],
    },
    {
      name: 'alternatives stay apart',
      given: { security: [{ bearer: [] }, { key: [] }] },
      want: [['bearer'], ['key']],
    },
    {
      name: 'schemes of one requirement go together',
      given: { security: [{ bearer: [], key: [] }] },
      want: [['bearer', 'key']],
    },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      const m = model({ ...base, paths: { '/x': { get: { ...given, ...ok } } } });
      const [op] = m.operations;
      if (op === undefined) throw new Error('no operation');
      expect(m.detail(op).security.map((r) => r.schemes.map((s) => s.scheme.key))).toEqual(want);
    });
  }

  it('security: [] leaves credentials out of every sample', () => {
    const m = model({ ...base, paths: { '/x': { get: { security: [], ...ok } } } });
    const [op] = m.operations;
    if (op === undefined) throw new Error('no operation');
    for (const sample of m.detail(op).samples) expect(sample.code).not.toMatch(/OCPPLAB_TOKEN/);
  });

  it('a requirement naming an undeclared scheme is an error that names it', () => {
    const m = model({ ...base, paths: { '/x': { get: { security: [{ oauth: ['read'] }], ...ok } } } });
    const [op] = m.operations;
    if (op === undefined) throw new Error('no operation');
    expect(() => m.detail(op)).toThrow(
      "Security requirement 'oauth' at #/paths/~1x/get/security names no scheme of components.securitySchemes; declare it there or fix the name.",
    );
  });
});

describe('baseUrl is the first server, ready for samples', () => {
  const cases: { name: string; given: unknown; want: string }[] = [
    {
      name: 'a trailing slash is dropped',
      given: [{ url: 'https://api.example.com/v1/' }],
      want: 'https://api.example.com/v1',
    },
    {
      name: 'server variables take their defaults',
      given: [
        {
          url: '{scheme}://{host}/api',
          variables: { scheme: { default: 'https' }, host: { default: 'x.example.com' } },
        },
      ],
      want: 'https://x.example.com/api',
    },
    {
      name: 'a scheme-relative URL becomes https',
      given: [{ url: '//petstore.example.com/v2' }],
      want: 'https://petstore.example.com/v2',
    },
    { name: 'no server leaves paths relative', given: undefined, want: '' },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(model(given === undefined ? {} : { servers: given }).baseUrl).toBe(want);
    });
  }
});
