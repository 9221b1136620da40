import { describe, expect, it } from 'vitest';
import { isBreaking, KINDS, RULES } from '../../scripts/sync/classify.ts';
import { type Change, diffContracts } from '../../scripts/sync/diff.ts';
import { contract } from './helpers.ts';

type Json = Record<string, unknown>;
type Doc = Json & { paths: Json; components: Json };

// Small accessors into the fixture contract of helpers.ts, so each case reads as one edit.
const things = (doc: Doc) => doc.paths['/things'] as Record<'get' | 'post', Json>;
const schema = (doc: Doc, name: string) => (doc.components.schemas as Record<string, Json>)[name] as Json;
const props = (doc: Doc, name: string) => schema(doc, name).properties as Record<string, Json>;
const listParameters = (doc: Doc) => things(doc).get.parameters as Json[];

const GET = 'GET /things';
const POST = 'POST /things';

interface Case {
  given: string;
  /** Edits of both contracts. */
  both?: (doc: Doc) => void;
  /** Edits of the old contract only. */
  before?: (doc: Doc) => void;
  /** Edits of the new contract only. */
  after: (doc: Doc) => void;
  want: Change[];
}

const cases: Case[] = [
  {
    given: 'an operation added',
    after: (doc) => {
      doc.paths['/things/{thing_id}'] = { delete: structuredClone(things(doc).get) };
    },
    want: [
      {
        kind: 'operation-added',
        breaking: false,
        operation: 'DELETE /things/{thing_id}',
        pointer: '/paths/~1things~1{thing_id}/delete',
        message: 'operation added',
      },
    ],
  },
  {
    given: 'an operation removed',
    after: (doc) => {
      Reflect.deleteProperty(things(doc), 'post');
    },
    want: [
      {
        kind: 'operation-removed',
        breaking: true,
        operation: POST,
        pointer: '/paths/~1things/post',
        message: 'operation removed',
      },
    ],
  },
  {
    given: 'an optional parameter added',
    after: (doc) => {
      listParameters(doc).push({ name: 'q', in: 'query', schema: { type: 'string' } });
    },
    want: [
      {
        kind: 'parameter-added',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/1',
        message: 'optional query parameter `q` added',
      },
    ],
  },
  {
    given: 'a required parameter added',
    after: (doc) => {
      listParameters(doc).push({
        name: 'X-Tenant',
        in: 'header',
        required: true,
        schema: { type: 'string' },
      });
    },
    want: [
      {
        kind: 'parameter-added',
        breaking: true,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/1',
        message: 'required header parameter `X-Tenant` added',
      },
    ],
  },
  {
    given: 'a parameter removed',
    after: (doc) => {
      things(doc).get.parameters = [];
    },
    want: [
      {
        kind: 'parameter-removed',
        breaking: true,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit` removed',
      },
    ],
  },
  {
    given: 'a query parameter renamed',
    after: (doc) => {
      (listParameters(doc)[0] as Json).name = 'max_items';
    },
    want: [
      {
        kind: 'parameter-renamed',
        breaking: true,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit` renamed to `max_items`',
      },
    ],
  },
  {
    given: 'a path parameter renamed (the operation stays the same)',
    before: (doc) => {
      doc.paths['/things/{id}'] = {
        get: {
          ...things(doc).get,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        },
      };
    },
    after: (doc) => {
      doc.paths['/things/{thing_id}'] = {
        get: {
          ...things(doc).get,
          parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
        },
      };
    },
    want: [
      {
        kind: 'parameter-renamed',
        breaking: true,
        operation: 'GET /things/{thing_id}',
        pointer: '/paths/~1things~1{thing_id}/get/parameters/0',
        message: 'path parameter `id` renamed to `thing_id`',
      },
    ],
  },
  {
    given: 'a parameter made required',
    after: (doc) => {
      (listParameters(doc)[0] as Json).required = true;
    },
    want: [
      {
        kind: 'parameter-required',
        breaking: true,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit` is now required',
      },
    ],
  },
  {
    given: 'an optional request-body property added',
    after: (doc) => {
      props(doc, 'ThingCreate').weight = { type: 'number' };
    },
    want: [
      {
        kind: 'request-property-added',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/weight',
        message: 'optional request body property `weight` added',
      },
    ],
  },
  {
    given: 'a required request-body property added',
    after: (doc) => {
      props(doc, 'ThingCreate').weight = { type: 'number' };
      schema(doc, 'ThingCreate').required = ['name', 'weight'];
    },
    want: [
      {
        kind: 'request-property-added',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/weight',
        message: 'required request body property `weight` added',
      },
    ],
  },
  {
    given: 'a request-body property removed',
    after: (doc) => {
      delete props(doc, 'ThingCreate').color;
    },
    want: [
      {
        kind: 'request-property-removed',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/color',
        message: 'request body property `color` removed',
      },
    ],
  },
  {
    given: 'a request-body property made required',
    after: (doc) => {
      schema(doc, 'ThingCreate').required = ['name', 'color'];
    },
    want: [
      {
        kind: 'request-property-required',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/color',
        message: 'request body property `color` is now required',
      },
    ],
  },
  {
    given: 'an enum value added to a request property',
    after: (doc) => {
      (props(doc, 'ThingCreate').color as Json).enum = ['red', 'green', 'blue'];
    },
    want: [
      {
        kind: 'enum-value-added',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/color',
        message: 'request body property `color`: enum value `blue` added',
      },
    ],
  },
  {
    given: 'an enum value removed from a request property',
    after: (doc) => {
      (props(doc, 'ThingCreate').color as Json).enum = ['red'];
    },
    want: [
      {
        kind: 'enum-value-removed',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/color',
        message: 'request body property `color`: enum value `green` removed',
      },
    ],
  },
  {
    given: 'an enum value added to a response property (one change per operation returning it)',
    after: (doc) => {
      schema(doc, 'Status').enum = ['on', 'off', 'broken'];
    },
    want: [
      {
        kind: 'enum-value-added',
        breaking: true,
        operation: GET,
        pointer: '/components/schemas/Status',
        message: 'response 200 property `[].status`: enum value `broken` added',
      },
      {
        kind: 'enum-value-added',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/Status',
        message: 'response 201 property `status`: enum value `broken` added',
      },
    ],
  },
  {
    given: 'an enum value removed from a response property',
    after: (doc) => {
      schema(doc, 'Status').enum = ['on'];
    },
    want: [
      {
        kind: 'enum-value-removed',
        breaking: false,
        operation: GET,
        pointer: '/components/schemas/Status',
        message: 'response 200 property `[].status`: enum value `off` removed',
      },
      {
        kind: 'enum-value-removed',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/Status',
        message: 'response 201 property `status`: enum value `off` removed',
      },
    ],
  },
  {
    given: 'an enum value added to a parameter',
    both: (doc) => {
      listParameters(doc).push({
        name: 'status',
        in: 'query',
        schema: { $ref: '#/components/schemas/Status' },
      });
      // Only the parameter uses the enum in this case.
      props(doc, 'Thing').status = { type: 'string' };
    },
    after: (doc) => {
      schema(doc, 'Status').enum = ['on', 'off', 'broken'];
    },
    want: [
      {
        kind: 'enum-value-added',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/1',
        message: 'query parameter `status`: enum value `broken` added',
      },
    ],
  },
  {
    given: 'a response property whose type changed',
    after: (doc) => {
      props(doc, 'Thing').size = { type: ['string', 'null'] };
    },
    want: [
      {
        kind: 'response-property-type-changed',
        breaking: true,
        operation: GET,
        pointer: '/components/schemas/Thing/properties/size',
        message: 'response 200 property `[].size` changed type from `integer` to `null|string`',
      },
      {
        kind: 'response-property-type-changed',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/Thing/properties/size',
        message: 'response 201 property `size` changed type from `integer` to `null|string`',
      },
    ],
  },
  {
    given: 'a response property removed (its nested properties are not listed again)',
    before: (doc) => {
      props(doc, 'Thing').owner = { type: 'object', properties: { name: { type: 'string' } } };
    },
    after: () => {},
    want: [
      {
        kind: 'response-property-removed',
        breaking: true,
        operation: GET,
        pointer: '/components/schemas/Thing/properties/owner',
        message: 'response 200 property `[].owner` removed',
      },
      {
        kind: 'response-property-removed',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/Thing/properties/owner',
        message: 'response 201 property `owner` removed',
      },
    ],
  },
  {
    given: 'an operation deprecated',
    after: (doc) => {
      things(doc).get.deprecated = true;
    },
    want: [
      {
        kind: 'operation-deprecated',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get',
        message: 'operation deprecated',
      },
    ],
  },
  {
    given: 'a parameter deprecated',
    after: (doc) => {
      (listParameters(doc)[0] as Json).deprecated = true;
    },
    want: [
      {
        kind: 'parameter-deprecated',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit` deprecated',
      },
    ],
  },
  {
    given: 'a request-body property deprecated',
    after: (doc) => {
      (props(doc, 'ThingCreate').name as Json).deprecated = true;
    },
    want: [
      {
        kind: 'property-deprecated',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/name',
        message: 'request body property `name` deprecated',
      },
    ],
  },
  {
    given: 'the version changed',
    after: (doc) => {
      (doc.info as Json).version = '1.1.0';
    },
    want: [
      {
        kind: 'version-changed',
        breaking: false,
        operation: null,
        pointer: '/info/version',
        message: 'version 1.0.0 → 1.1.0',
      },
    ],
  },
  {
    given: 'only descriptions changed',
    after: (doc) => {
      things(doc).get.description = 'Now with words.';
    },
    want: [],
  },
];

describe('diffContracts', () => {
  it.each(cases)('reports $given', ({ both = () => {}, before = () => {}, after, want }) => {
    const old = contract((doc) => {
      both(doc);
      before(doc);
    });
    const next = contract((doc) => {
      both(doc);
      after(doc);
    });
    expect(diffContracts(old, next)).toEqual(want);
  });

  it('lists breaking changes first, then in the order of the rules table', () => {
    const old = contract();
    const next = contract((doc) => {
      (doc.info as Json).version = '2.0.0';
      things(doc).get.deprecated = true;
      Reflect.deleteProperty(things(doc), 'post');
    });
    expect(diffContracts(old, next).map((change) => [change.kind, change.breaking])).toEqual([
      ['operation-removed', true],
      ['operation-deprecated', false],
      ['version-changed', false],
    ]);
  });

  it('follows a cycle of $refs without looping', () => {
    const cyclic = (doc: Doc) => {
      props(doc, 'Thing').parent = { $ref: '#/components/schemas/Thing' };
    };
    const next = contract((doc) => {
      cyclic(doc);
      delete props(doc, 'Thing').size;
    });
    expect(diffContracts(contract(cyclic), next).map((change) => change.message)).toEqual([
      'response 200 property `[].size` removed',
      'response 201 property `size` removed',
    ]);
  });
});

describe('the rules table', () => {
  it('gives every kind a reason and the oasdiff check it follows', () => {
    for (const kind of KINDS) {
      expect(RULES[kind].why.length, kind).toBeGreaterThan(10);
      expect(RULES[kind].oasdiff.length, kind).toBeGreaterThan(3);
    }
  });

  it('makes an addition breaking only when it is required', () => {
    expect(isBreaking('parameter-added', { required: true })).toBe(true);
    expect(isBreaking('parameter-added', { required: false })).toBe(false);
    expect(isBreaking('request-property-added', { required: true })).toBe(true);
    expect(isBreaking('request-property-added')).toBe(false);
  });
});
