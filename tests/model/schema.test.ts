import { describe, expect, it } from 'vitest';
import { constraintText, typeLabel } from '../../src/model/format.ts';
import type { JsonObject } from '../../src/model/json.ts';
import { Resolver } from '../../src/model/resolver.ts';
import { schemaNode } from '../../src/model/schema.ts';
import type { Constraint, SchemaContext, SchemaNode } from '../../src/model/types.ts';

/** Components every case may refer to. */
const schemas: JsonObject = {
  Tree: {
    type: 'object',
    required: ['label'],
    properties: {
      label: { type: 'string' },
      children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
    },
  },
  Circle: {
    type: 'object',
    required: ['kind'],
    properties: { kind: { const: 'circle' }, radius: { type: 'number' } },
  },
  Square: {
    type: 'object',
    required: ['kind'],
    properties: { kind: { const: 'square' }, side: { type: 'number' } },
  },
  Named: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', description: 'Base name.' } },
  },
  Animal: {
    type: 'object',
    required: ['kind'],
    discriminator: { propertyName: 'kind' },
    properties: { kind: { type: 'string' }, mother: { $ref: '#/components/schemas/Cat' } },
  },
  Cat: { allOf: [{ $ref: '#/components/schemas/Animal' }, { properties: { purrs: { type: 'boolean' } } }] },
  Kitten: { allOf: [{ $ref: '#/components/schemas/Cat' }, { properties: { age: { type: 'integer' } } }] },
  Deep: { type: 'object', properties: { next: { $ref: '#/components/schemas/Deeper' } } },
  Deeper: { type: 'object', properties: { value: { type: 'string' } } },
  Account: {
    type: 'object',
    required: ['id', 'password', 'name'],
    properties: {
      id: { type: 'string', readOnly: true },
      password: { type: 'string', writeOnly: true },
      name: { type: 'string' },
    },
  },
};

function node(raw: unknown, direction: SchemaContext = 'both', maxDepth = 6): SchemaNode {
  const resolver = new Resolver({ openapi: '3.1.0', components: { schemas } });
  return schemaNode(raw, { resolver, direction, maxDepth }, '#/test');
}

/** The parts of a node a case looks at, so each row states only what it is about. */
function view(n: SchemaNode): JsonObject {
  return {
    label: typeLabel(n),
    ...(n.ref !== undefined && { ref: n.ref }),
    ...(n.nullable && { nullable: true }),
    ...(n.recursive && { recursive: true }),
    ...(n.truncated && { truncated: true }),
    ...(n.enum !== undefined && { enum: n.enum }),
    ...(n.constraints.length > 0 && { constraints: n.constraints.map(constraintText) }),
    ...(n.properties !== undefined && {
      fields: n.properties.map((f) => `${f.name}${f.required ? '*' : ''}: ${typeLabel(f.schema)}`),
    }),
  };
}

describe('schemaNode turns a raw schema into a display node', () => {
  const cases: { name: string; given: unknown; direction?: SchemaContext; want: JsonObject }[] = [
    { name: 'a missing schema is any', given: undefined, want: { label: 'any' } },
    { name: 'the true schema is any', given: true, want: { label: 'any' } },
    { name: 'the false schema is never', given: false, want: { label: 'never' } },
    {
      name: 'a format joins the type',
      given: { type: 'string', format: 'uuid' },
      want: { label: 'string (uuid)' },
    },
    {
      name: 'a $ref keeps the component name and its members',
      given: { $ref: '#/components/schemas/Named' },
      want: { label: 'Named', ref: 'Named', fields: ['name*: string'] },
    },
    {
      name: 'a schema that contains itself is marked recursive, not expanded',
      given: { $ref: '#/components/schemas/Tree' },
      want: { label: 'Tree', ref: 'Tree', fields: ['label*: string', 'children: array<Tree>'] },
    },
    {
      name: 'a 3.1 type list with null is a nullable type',
      given: { type: ['string', 'null'] },
      want: { label: 'string | null', nullable: true },
    },
    {
      name: 'a 3.0 nullable is a nullable type',
      given: { type: 'integer', nullable: true },
      want: { label: 'integer | null', nullable: true },
    },
    {
      name: 'anyOf of one schema and null is that schema, nullable',
      given: { anyOf: [{ $ref: '#/components/schemas/Named' }, { type: 'null' }] },
      want: { label: 'Named | null', ref: 'Named', nullable: true, fields: ['name*: string'] },
    },
    {
      name: 'oneOf of one schema and null is that schema, nullable',
      given: { oneOf: [{ type: 'string' }, { type: 'null' }] },
      want: { label: 'string | null', nullable: true },
    },
    {
      name: 'null in an enum makes it nullable and leaves the enum',
      given: { type: ['string', 'null'], enum: ['a', 'b', null] },
      want: { label: 'string | null', nullable: true, enum: ['a', 'b'] },
    },
    { name: 'type null alone is null', given: { type: 'null' }, want: { label: 'null' } },
    { name: 'a const without type takes the const type', given: { const: 3 }, want: { label: 'integer' } },
    {
      name: 'an enum without type takes its values type',
      given: { enum: ['x', 'y'] },
      want: { label: 'string', enum: ['x', 'y'] },
    },
    {
      name: 'an object of additionalProperties only is a map',
      given: { type: 'object', additionalProperties: { type: 'integer' } },
      want: { label: 'map<string, integer>' },
    },
    {
      name: 'additionalProperties true is a map of anything',
      given: { type: 'object', additionalProperties: true },
      want: { label: 'map<string, any>' },
    },
    {
      name: 'an array shows its items',
      given: { type: 'array', items: { $ref: '#/components/schemas/Named' } },
      want: { label: 'array<Named>' },
    },
    {
      name: 'prefixItems make a tuple, items the rest',
      given: {
        type: 'array',
        prefixItems: [{ type: 'string' }, { type: 'number' }],
        items: { type: 'boolean' },
      },
      want: { label: '[string, number, ...boolean]' },
    },
    {
      name: 'allOf merges members and required lists',
      given: {
        allOf: [
          { $ref: '#/components/schemas/Named' },
          { type: 'object', required: ['age'], properties: { age: { type: 'integer' } } },
        ],
      },
      want: { label: 'object', fields: ['name*: string', 'age*: integer'] },
    },
    {
      name: 'allOf of a lone $ref with a description keeps the name',
      given: { allOf: [{ $ref: '#/components/schemas/Named' }], description: 'The owner.' },
      want: { label: 'Named', ref: 'Named', fields: ['name*: string'] },
    },
    {
      name: 'a property declared by two allOf parts keeps both constraints',
      given: {
        allOf: [
          { type: 'object', properties: { code: { type: 'string', minLength: 2 } } },
          { type: 'object', properties: { code: { maxLength: 4 } } },
        ],
      },
      want: { label: 'object', fields: ['code: string'] },
    },
    {
      name: 'an allOf part that is an ancestor still gives its members',
      given: { $ref: '#/components/schemas/Cat' },
      want: { label: 'Cat', ref: 'Cat', fields: ['kind*: string', 'mother: Cat', 'purrs: boolean'] },
    },
    {
      name: 'readOnly members are left out of requests',
      given: { $ref: '#/components/schemas/Account' },
      direction: 'request',
      want: { label: 'Account', ref: 'Account', fields: ['password*: string', 'name*: string'] },
    },
    {
      name: 'writeOnly members are left out of responses',
      given: { $ref: '#/components/schemas/Account' },
      direction: 'response',
      want: { label: 'Account', ref: 'Account', fields: ['id*: string', 'name*: string'] },
    },
    {
      name: 'a schema page keeps readOnly and writeOnly members',
      given: { $ref: '#/components/schemas/Account' },
      want: {
        label: 'Account',
        ref: 'Account',
        fields: ['id*: string', 'password*: string', 'name*: string'],
      },
    },
    {
      name: 'constraints read as short phrases',
      given: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Z]+$' },
      want: { label: 'string', constraints: ['min length 1', 'max length 64', 'pattern `^[A-Z]+$`'] },
    },
    {
      name: 'a 3.0 boolean exclusiveMinimum makes minimum exclusive',
      given: { type: 'integer', minimum: 18, exclusiveMinimum: true, maximum: 99, exclusiveMaximum: false },
      want: { label: 'integer', constraints: ['<= 99', '> 18'] },
    },
    {
      name: 'a 3.1 numeric exclusiveMaximum stays as is',
      given: { type: 'number', exclusiveMaximum: 5, multipleOf: 0.5 },
      want: { label: 'number', constraints: ['< 5', 'multiple of 0.5'] },
    },
  ];
  for (const { name, given, direction, want } of cases) {
    it(name, () => {
      expect(view(node(given, direction))).toEqual(want);
    });
  }

  it('a shared property keeps the first part type and both bounds', () => {
    const merged = node({
      allOf: [
        { type: 'object', properties: { code: { type: 'string', minLength: 2 } } },
        { type: 'object', properties: { code: { maxLength: 4 } } },
      ],
    });
    expect(merged.properties?.[0]?.schema.constraints).toEqual([
      { keyword: 'minLength', value: 2 },
      { keyword: 'maxLength', value: 4 },
    ]);
  });

  it('the recursive member links to its schema instead of expanding it', () => {
    const children = node({ $ref: '#/components/schemas/Tree' }).properties?.[1]?.schema.items;
    expect(children).toMatchObject({ ref: 'Tree', recursive: true });
    expect(children?.properties).toBeUndefined();
  });

  it('a named schema below the depth limit is linked and marked truncated', () => {
    const deep = node({ $ref: '#/components/schemas/Deep' }, 'both', 1);
    expect(deep.properties?.[0]?.schema).toMatchObject({ ref: 'Deeper', truncated: true });
  });

  it('oneOf options are named by component, then title, then position', () => {
    const variants = node({
      oneOf: [{ $ref: '#/components/schemas/Circle' }, { title: 'Blob', type: 'object' }, { type: 'string' }],
    }).variants;
    expect(variants?.kind).toBe('oneOf');
    expect(variants?.options.map((option) => option.name)).toEqual(['Circle', 'Blob', 'Option 3']);
  });

  it('an explicit discriminator mapping is kept and completed by the implicit one', () => {
    const variants = node({
      oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }],
      discriminator: { propertyName: 'kind', mapping: { round: '#/components/schemas/Circle' } },
    }).variants;
    expect(variants?.discriminator).toEqual({
      propertyName: 'kind',
      mapping: [
        { value: 'round', schema: 'Circle' },
        { value: 'Square', schema: 'Square' },
      ],
    });
  });

  it('a discriminator on an allOf base maps each schema that extends the base, at any depth, by its name', () => {
    // Kitten extends Cat, which extends Animal: a subtype of a subtype is mapped too.
    const family = {
      propertyName: 'kind',
      mapping: [
        { value: 'Cat', schema: 'Cat' },
        { value: 'Kitten', schema: 'Kitten' },
      ],
    };
    expect(node({ $ref: '#/components/schemas/Animal' }).discriminator).toEqual(family);
    // A subtype inherits the discriminator through allOf, with the same mapping.
    expect(node({ $ref: '#/components/schemas/Cat' }).discriminator).toEqual(family);
  });

  it('anyOf with several options lists them as variants', () => {
    const n = node({ anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] });
    expect(typeLabel(n)).toBe('string | integer | null');
    expect(n.variants?.kind).toBe('anyOf');
  });

  it('a $ref that cannot be resolved names itself and its place', () => {
    expect(() => node({ $ref: '#/components/schemas/Missing' })).toThrow(
      "$ref '#/components/schemas/Missing' at #/test cannot be resolved.",
    );
  });

  it('a $ref outside the document asks for a bundled contract', () => {
    expect(() => node({ $ref: 'other.yaml#/X' })).toThrow(
      "$ref 'other.yaml#/X' at #/test points outside the document; bundle the contract first (npm run sync).",
    );
  });
});

describe('constraintText says each constraint as a short phrase', () => {
  const cases: { given: Constraint; want: string }[] = [
    { given: { keyword: 'minimum', value: 1 }, want: '>= 1' },
    { given: { keyword: 'maximum', value: 10 }, want: '<= 10' },
    { given: { keyword: 'exclusiveMinimum', value: 0 }, want: '> 0' },
    { given: { keyword: 'exclusiveMaximum', value: 5 }, want: '< 5' },
    { given: { keyword: 'multipleOf', value: 3 }, want: 'multiple of 3' },
    { given: { keyword: 'minLength', value: 2 }, want: 'min length 2' },
    { given: { keyword: 'maxLength', value: 64 }, want: 'max length 64' },
    { given: { keyword: 'pattern', value: '^a$' }, want: 'pattern `^a$`' },
    { given: { keyword: 'minItems', value: 1 }, want: 'min items 1' },
    { given: { keyword: 'maxItems', value: 9 }, want: 'max items 9' },
    { given: { keyword: 'uniqueItems', value: true }, want: 'unique items' },
    { given: { keyword: 'minProperties', value: 1 }, want: 'min properties 1' },
    { given: { keyword: 'maxProperties', value: 4 }, want: 'max properties 4' },
  ];
  for (const { given, want } of cases) {
    it(`${given.keyword} ${String(given.value)} reads "${want}"`, () => {
      expect(constraintText(given)).toBe(want);
    });
  }
});

describe('typeLabel is what readers see as a type', () => {
  const cases: { name: string; given: unknown; want: string }[] = [
    { name: 'a named object is its name', given: { $ref: '#/components/schemas/Named' }, want: 'Named' },
    {
      name: 'a nullable named object adds null',
      given: { anyOf: [{ $ref: '#/components/schemas/Named' }, { type: 'null' }] },
      want: 'Named | null',
    },
    {
      name: 'an array of nullable strings',
      given: { type: 'array', items: { type: ['string', 'null'] } },
      want: 'array<string | null>',
    },
    {
      name: 'a nullable map',
      given: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
      want: 'map<string, string> | null',
    },
    { name: 'a type list', given: { type: ['string', 'integer'] }, want: 'string | integer' },
    { name: 'any stays any when nullable', given: { nullable: true }, want: 'any' },
    { name: 'a format of a number', given: { type: 'number', format: 'double' }, want: 'number (double)' },
    {
      name: 'variants join their labels',
      given: { oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }] },
      want: 'Circle | Square',
    },
  ];
  for (const { name, given, want } of cases) {
    it(`${name}: ${want}`, () => {
      expect(typeLabel(node(given))).toBe(want);
    });
  }
});
