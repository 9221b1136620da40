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
const securitySchemes = (doc: Doc) => doc.components.securitySchemes as Record<string, Json>;
/** A webhook whose payload is an inline schema, so that only the webhook sees its edits. */
const webhook = (): Json => ({
  post: {
    summary: 'Thing updated',
    requestBody: {
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['thing_id'],
            properties: { thing_id: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
          },
        },
      },
    },
    responses: { '200': { description: 'Received.' } },
  },
});
const payloadProps = (hook: Json) =>
  (((((hook.post as Json).requestBody as Json).content as Json)['application/json'] as Json).schema as Json)
    .properties as Record<string, Json>;

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
        names: ['POST /things', 'createThing'],
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
        names: ['limit'],
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
        names: ['limit'],
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
        names: ['id'],
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
        names: ['color'],
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
        names: ['green'],
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
        names: ['off'],
      },
      {
        kind: 'enum-value-removed',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/Status',
        message: 'response 201 property `status`: enum value `off` removed',
        names: ['off'],
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
        names: ['owner'],
      },
      {
        kind: 'response-property-removed',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/Thing/properties/owner',
        message: 'response 201 property `owner` removed',
        names: ['owner'],
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
    given: 'a response property added (an added object is reported once, not with its fields)',
    after: (doc) => {
      props(doc, 'Thing').owner = { type: 'object', properties: { name: { type: 'string' } } };
    },
    want: [
      {
        kind: 'response-property-added',
        breaking: false,
        operation: GET,
        pointer: '/components/schemas/Thing/properties/owner',
        message: 'response 200 property `[].owner` added',
      },
      {
        kind: 'response-property-added',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/Thing/properties/owner',
        message: 'response 201 property `owner` added',
      },
    ],
  },
  {
    given: 'a response property whose format changed (retyped for the client that parses it)',
    after: (doc) => {
      props(doc, 'Thing').id = { type: 'string', format: 'uuid' };
    },
    want: [
      {
        kind: 'response-property-type-changed',
        breaking: true,
        operation: GET,
        pointer: '/components/schemas/Thing/properties/id',
        message: 'response 200 property `[].id` changed type from `string` to `string (uuid)`',
      },
      {
        kind: 'response-property-type-changed',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/Thing/properties/id',
        message: 'response 201 property `id` changed type from `string` to `string (uuid)`',
      },
    ],
  },
  {
    given: 'a request-body property narrowed to another type',
    after: (doc) => {
      props(doc, 'ThingCreate').name = { type: 'integer' };
    },
    want: [
      {
        kind: 'request-type-changed',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/name',
        message: 'request body property `name` changed type from `string` to `integer`',
      },
    ],
  },
  {
    given: 'a request-body property widened to accept null',
    after: (doc) => {
      props(doc, 'ThingCreate').name = { anyOf: [{ type: 'string' }, { type: 'null' }] };
    },
    want: [
      {
        kind: 'request-type-changed',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/name',
        message: 'request body property `name` changed type from `string` to `null|string`',
      },
    ],
  },
  {
    given: 'a parameter widened from integer to number',
    after: (doc) => {
      (listParameters(doc)[0] as Json).schema = { type: 'number' };
    },
    want: [
      {
        kind: 'request-type-changed',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit` changed type from `integer` to `number`',
      },
    ],
  },
  {
    given: 'a format set on a request-body property',
    after: (doc) => {
      props(doc, 'ThingCreate').name = { type: 'string', format: 'email' };
    },
    want: [
      {
        kind: 'request-type-changed',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/name',
        message: 'request body property `name` changed type from `string` to `string (email)`',
      },
    ],
  },
  {
    given: 'a format dropped from a parameter',
    before: (doc) => {
      (listParameters(doc)[0] as Json).schema = { type: 'integer', format: 'int32' };
    },
    after: () => {},
    want: [
      {
        kind: 'request-type-changed',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit` changed type from `integer (int32)` to `integer`',
      },
    ],
  },
  {
    given: "a parameter's maximum lowered and its minimum set",
    before: (doc) => {
      (listParameters(doc)[0] as Json).schema = { type: 'integer', maximum: 100 };
    },
    after: (doc) => {
      (listParameters(doc)[0] as Json).schema = { type: 'integer', minimum: 1, maximum: 50 };
    },
    want: [
      {
        kind: 'request-constraint-tightened',
        breaking: true,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit`: maximum `100` → `50`',
      },
      {
        kind: 'request-constraint-tightened',
        breaking: true,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit`: minimum `1` set',
      },
    ],
  },
  {
    given: "a parameter's maximum raised and its step generalised",
    before: (doc) => {
      (listParameters(doc)[0] as Json).schema = { type: 'integer', maximum: 100, multipleOf: 10 };
    },
    after: (doc) => {
      (listParameters(doc)[0] as Json).schema = { type: 'integer', maximum: 200, multipleOf: 5 };
    },
    want: [
      {
        kind: 'request-constraint-loosened',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit`: maximum `100` → `200`',
      },
      {
        kind: 'request-constraint-loosened',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get/parameters/0',
        message: 'query parameter `limit`: multipleOf `10` → `5`',
      },
    ],
  },
  {
    given: 'a maxLength lowered inside an optional (anyOf with null) request property, and a pattern set',
    before: (doc) => {
      props(doc, 'ThingCreate').name = { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'null' }] };
    },
    after: (doc) => {
      props(doc, 'ThingCreate').name = {
        anyOf: [{ type: 'string', maxLength: 100, pattern: '^[a-z]+$' }, { type: 'null' }],
      };
    },
    want: [
      {
        kind: 'request-constraint-tightened',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/name',
        message: 'request body property `name`: maxLength `200` → `100`',
      },
      {
        kind: 'request-constraint-tightened',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/name',
        message: 'request body property `name`: pattern `^[a-z]+$` set',
      },
    ],
  },
  {
    given: 'a pattern and a minLength removed from a request property',
    before: (doc) => {
      props(doc, 'ThingCreate').name = { type: 'string', minLength: 3, pattern: '^[a-z]+$' };
    },
    after: () => {},
    want: [
      {
        kind: 'request-constraint-loosened',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/name',
        message: 'request body property `name`: minLength `3` removed',
      },
      {
        kind: 'request-constraint-loosened',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/name',
        message: 'request body property `name`: pattern `^[a-z]+$` removed',
      },
    ],
  },
  {
    given: 'a request property limited to an enum',
    after: (doc) => {
      props(doc, 'ThingCreate').name = { type: 'string', enum: ['lamp', 'desk'] };
    },
    want: [
      {
        kind: 'request-constraint-tightened',
        breaking: true,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/name',
        message: 'request body property `name`: now limited to `desk`, `lamp`',
      },
    ],
  },
  {
    given: 'a request property no longer limited to an enum',
    after: (doc) => {
      props(doc, 'ThingCreate').color = { type: 'string' };
    },
    want: [
      {
        kind: 'request-constraint-loosened',
        breaking: false,
        operation: POST,
        pointer: '/components/schemas/ThingCreate/properties/color',
        message: 'request body property `color`: no longer limited to enum values',
      },
    ],
  },
  {
    given: 'a webhook added',
    after: (doc) => {
      doc.webhooks = { 'thing.updated': webhook() };
    },
    want: [
      {
        kind: 'webhook-added',
        breaking: false,
        operation: 'webhook thing.updated',
        pointer: '/webhooks/thing.updated/post',
        message: 'webhook added',
      },
    ],
  },
  {
    given: 'a webhook removed',
    before: (doc) => {
      doc.webhooks = { 'thing.updated': webhook() };
    },
    after: () => {},
    want: [
      {
        kind: 'webhook-removed',
        breaking: true,
        operation: 'webhook thing.updated',
        pointer: '/webhooks/thing.updated/post',
        message: 'webhook removed',
        names: ['thing.updated'],
      },
    ],
  },
  {
    given: 'a webhook payload field removed and another retyped (both break receivers)',
    before: (doc) => {
      doc.webhooks = { 'thing.updated': webhook() };
    },
    after: (doc) => {
      const hook = webhook();
      const payload = payloadProps(hook);
      delete payload.thing_id;
      payload.at = { type: 'integer' };
      doc.webhooks = { 'thing.updated': hook };
    },
    want: [
      {
        kind: 'webhook-payload-property-removed',
        breaking: true,
        operation: 'webhook thing.updated',
        pointer:
          '/webhooks/thing.updated/post/requestBody/content/application~1json/schema/properties/thing_id',
        message: 'payload property `thing_id` removed',
        names: ['thing_id'],
      },
      {
        kind: 'webhook-payload-property-type-changed',
        breaking: true,
        operation: 'webhook thing.updated',
        pointer: '/webhooks/thing.updated/post/requestBody/content/application~1json/schema/properties/at',
        message: 'payload property `at` changed type from `string (date-time)` to `integer`',
      },
    ],
  },
  {
    given: 'a webhook payload field added (receivers ignore it)',
    before: (doc) => {
      doc.webhooks = { 'thing.updated': webhook() };
    },
    after: (doc) => {
      const hook = webhook();
      payloadProps(hook).reason = { type: 'string' };
      doc.webhooks = { 'thing.updated': hook };
    },
    want: [
      {
        kind: 'webhook-payload-property-added',
        breaking: false,
        operation: 'webhook thing.updated',
        pointer:
          '/webhooks/thing.updated/post/requestBody/content/application~1json/schema/properties/reason',
        message: 'payload property `reason` added',
      },
    ],
  },
  {
    given: 'a security scheme added',
    after: (doc) => {
      securitySchemes(doc).key = { type: 'apiKey', in: 'header', name: 'X-Key' };
    },
    want: [
      {
        kind: 'security-scheme-added',
        breaking: false,
        operation: null,
        pointer: '/components/securitySchemes/key',
        message: 'security scheme `key` added',
      },
    ],
  },
  {
    given: 'a security scheme removed',
    before: (doc) => {
      securitySchemes(doc).key = { type: 'apiKey', in: 'header', name: 'X-Key' };
    },
    after: () => {},
    want: [
      {
        kind: 'security-scheme-removed',
        breaking: true,
        operation: null,
        pointer: '/components/securitySchemes/key',
        message: 'security scheme `key` removed',
      },
    ],
  },
  {
    given: 'a security scheme that sends credentials another way (its description alone is no change)',
    after: (doc) => {
      securitySchemes(doc).bearer = { type: 'apiKey', in: 'header', name: 'X-Key', description: 'A key.' };
    },
    want: [
      {
        kind: 'security-scheme-changed',
        breaking: true,
        operation: null,
        pointer: '/components/securitySchemes/bearer',
        message: 'security scheme `bearer` changed from `http bearer` to `apiKey in header X-Key`',
      },
    ],
  },
  {
    given: 'a second way to authenticate accepted by the whole API',
    both: (doc) => {
      securitySchemes(doc).key = { type: 'apiKey', in: 'header', name: 'X-Key' };
    },
    after: (doc) => {
      doc.security = [{ bearer: [] }, { key: [] }];
    },
    want: [
      {
        kind: 'security-requirement-changed',
        breaking: false,
        operation: null,
        pointer: '/security',
        message: 'security requirement changed from `bearer` to `bearer or key`',
      },
    ],
  },
  {
    given: 'an operation that asks for a scope it did not',
    both: (doc) => {
      securitySchemes(doc).oauth = {
        type: 'oauth2',
        flows: {
          clientCredentials: { tokenUrl: 'https://auth.fixture.test/token', scopes: { read: '', write: '' } },
        },
      };
    },
    before: (doc) => {
      things(doc).post.security = [{ oauth: ['read'] }];
    },
    after: (doc) => {
      things(doc).post.security = [{ oauth: ['read', 'write'] }];
    },
    want: [
      {
        kind: 'security-requirement-changed',
        breaking: true,
        operation: POST,
        pointer: '/paths/~1things/post/security',
        message: 'security requirement changed from `oauth[read]` to `oauth[read, write]`',
      },
    ],
  },
  {
    given: 'an operation made public',
    after: (doc) => {
      things(doc).get.security = [];
    },
    want: [
      {
        kind: 'security-requirement-changed',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get/security',
        message: 'security requirement changed from `bearer` to `none`',
      },
    ],
  },
  {
    given: 'a public operation that now asks for credentials (it takes the document requirement again)',
    before: (doc) => {
      things(doc).get.security = [];
    },
    after: () => {},
    want: [
      {
        kind: 'security-requirement-changed',
        breaking: true,
        operation: GET,
        pointer: '/paths/~1things/get/security',
        message: 'security requirement changed from `none` to `bearer`',
      },
    ],
  },
  {
    given: 'the server moved',
    after: (doc) => {
      doc.servers = [{ url: 'https://api.fixture.example' }];
    },
    want: [
      {
        kind: 'server-changed',
        breaking: true,
        operation: null,
        pointer: '/servers/0',
        message: 'server `https://api.fixture.test` replaced by `https://api.fixture.example`',
      },
    ],
  },
  {
    given: 'a server added',
    after: (doc) => {
      doc.servers = [{ url: 'https://api.fixture.test' }, { url: 'https://eu.fixture.test' }];
    },
    want: [
      {
        kind: 'server-added',
        breaking: false,
        operation: null,
        pointer: '/servers/1',
        message: 'server `https://eu.fixture.test` added',
      },
    ],
  },
  {
    given: 'a server removed',
    before: (doc) => {
      doc.servers = [{ url: 'https://api.fixture.test' }, { url: 'https://eu.fixture.test' }];
    },
    after: () => {},
    want: [
      {
        kind: 'server-removed',
        breaking: true,
        operation: null,
        pointer: '/servers/1',
        message: 'server `https://eu.fixture.test` removed',
      },
    ],
  },
  {
    given: 'an operation no longer deprecated',
    before: (doc) => {
      things(doc).get.deprecated = true;
    },
    after: () => {},
    want: [
      {
        kind: 'operation-undeprecated',
        breaking: false,
        operation: GET,
        pointer: '/paths/~1things/get',
        message: 'operation no longer deprecated',
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
