import { describe, expect, it } from 'vitest';
import { conforms } from '../../src/model/conform.ts';
import { exampleFor } from '../../src/model/example.ts';
import type { JsonObject } from '../../src/model/json.ts';
import { Resolver } from '../../src/model/resolver.ts';
import { componentExpander, type SchemaOptions, schemaNode } from '../../src/model/schema.ts';

const schemas: JsonObject = {
  Tree: {
    type: 'object',
    required: ['label', 'child'],
    properties: {
      label: { type: 'string' },
      child: { anyOf: [{ $ref: '#/components/schemas/Tree' }, { type: 'null' }] },
      children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
    },
  },
  Node: {
    type: 'object',
    required: ['value'],
    properties: { value: { type: 'integer' }, next: { $ref: '#/components/schemas/Node' } },
  },
  Circle: {
    type: 'object',
    required: ['kind', 'r'],
    properties: { kind: { type: 'string' }, r: { type: 'number' } },
  },
  Square: {
    type: 'object',
    required: ['kind', 's'],
    properties: { kind: { type: 'string' }, s: { type: 'number' } },
  },
};

function example(raw: unknown): unknown {
  const options: SchemaOptions = {
    resolver: new Resolver({ openapi: '3.1.0', components: { schemas } }),
    direction: 'request',
    maxDepth: 6,
  };
  const node = schemaNode(raw, options, '#/test');
  const value = exampleFor(node, { expand: componentExpander(options) });
  expect(conforms(value, node)).toBe(true);
  return value;
}

describe('exampleFor makes a value the schema accepts', () => {
  const cases: { name: string; given: unknown; want: unknown }[] = [
    { name: 'a const is the value', given: { const: 'ok' }, want: 'ok' },
    { name: 'an enum takes its first value', given: { type: 'string', enum: ['b', 'a'] }, want: 'b' },
    { name: 'a declared example that fits is used', given: { type: 'integer', example: 7 }, want: 7 },
    {
      name: 'a declared example that does not fit is not',
      given: { type: 'integer', minimum: 10, example: 7 },
      want: 10,
    },
    {
      name: 'a default of the wrong type is not used',
      given: { type: 'string', default: [] },
      want: 'string',
    },
    {
      name: 'a format gives its shape',
      given: { type: 'string', format: 'date-time' },
      want: '2026-01-15T09:30:00Z',
    },
    {
      name: 'a pattern wins over a format example that breaks it',
      given: { type: 'string', format: 'password', pattern: '^[0-9]{4}$' },
      want: expect.stringMatching(/^[0-9]{4}$/),
    },
    { name: 'minLength pads', given: { type: 'string', minLength: 10 }, want: 'stringxxxx' },
    { name: 'maxLength cuts', given: { type: 'string', maxLength: 3 }, want: 'str' },
    {
      name: 'an exclusive minimum is passed by a step',
      given: { type: 'integer', exclusiveMinimum: 0 },
      want: 1,
    },
    {
      name: 'a 3.0 exclusive minimum too',
      given: { type: 'integer', minimum: 18, exclusiveMinimum: true },
      want: 19,
    },
    {
      name: 'a narrow exclusive range gets a value inside it',
      given: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      want: 0.25,
    },
    {
      name: 'multipleOf rounds up to a clean multiple',
      given: { type: 'number', minimum: 0.25, multipleOf: 0.1 },
      want: 0.3,
    },
    { name: 'a maximum below 1 is respected', given: { type: 'integer', maximum: -5 }, want: -5 },
    {
      name: 'uniqueItems over an enum takes distinct values',
      given: { type: 'array', minItems: 3, uniqueItems: true, items: { enum: ['a', 'b', 'c', 'd'] } },
      want: ['a', 'b', 'c'],
    },
    {
      name: 'uniqueItems over strings varies them',
      given: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string' } },
      want: ['string', 'string1'],
    },
    {
      name: 'maxItems 0 is an empty array',
      given: { type: 'array', maxItems: 0, items: { type: 'string' } },
      want: [],
    },
    {
      name: 'prefixItems give one value each',
      given: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
      want: ['string', 1],
    },
    {
      name: 'a map gets one entry of its value type',
      given: { type: 'object', additionalProperties: { type: 'integer', minimum: 3 } },
      want: { key: 3 },
    },
    {
      name: 'minProperties pads a map with values of its type',
      given: { type: 'object', minProperties: 2, additionalProperties: { type: 'boolean' } },
      want: { key: true, key1: true },
    },
    {
      name: 'a nullable recursive field is null, an optional one is left out',
      given: { $ref: '#/components/schemas/Tree' },
      want: { label: 'string', child: null },
    },
    {
      name: 'an optional recursive field is left out',
      given: { $ref: '#/components/schemas/Node' },
      want: { value: 1 },
    },
    {
      name: 'an optional field that cannot be satisfied is left out',
      given: {
        type: 'object',
        properties: { phone: { type: 'string', pattern: '/^\\+1$/' }, name: { type: 'string' } },
      },
      want: { name: 'string' },
    },
    {
      name: 'oneOf with a discriminator sets the value that selects the option',
      given: {
        oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }],
        discriminator: { propertyName: 'kind', mapping: { circle: '#/components/schemas/Circle' } },
      },
      want: { kind: 'circle', r: 1 },
    },
    {
      name: 'oneOf skips an option whose example the others accept too',
      given: {
        oneOf: [
          { type: 'object', required: ['b'], properties: { b: { type: 'boolean' } } },
          { type: 'object', properties: { a: { type: 'string' } } },
        ],
      },
      want: { a: 'string' },
    },
    {
      name: 'members beside oneOf are shared by every option',
      given: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string', format: 'uuid' } },
        oneOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'boolean' } } }],
      },
      want: { id: '3f2b8c1e-7d4a-4e5b-9c6d-1a2b3c4d5e6f', a: true },
    },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(example(given)).toEqual(want);
    });
  }

  it('a required self-reference is expanded a bounded number of times', () => {
    schemas.Chain = {
      type: 'object',
      required: ['next'],
      properties: { next: { $ref: '#/components/schemas/Chain' } },
    };
    const resolver = new Resolver({ openapi: '3.1.0', components: { schemas } });
    const options: SchemaOptions = { resolver, direction: 'request', maxDepth: 6 };
    const node = schemaNode({ $ref: '#/components/schemas/Chain' }, options, '#/test');
    expect(exampleFor(node, { expand: componentExpander(options) })).toEqual({
      next: { next: { next: {} } },
    });
  });
});
