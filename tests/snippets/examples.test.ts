import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { type Contract, parseContract } from '../../scripts/snippets/contract.ts';
import { checkContractExamples, formatExampleProblem } from '../../scripts/snippets/examples.ts';
import { normalizeOpenApi30 } from '../../src/model/validator.ts';

const contractFile = new URL('../../openapi/openapi.json', import.meta.url);

async function projectContract(): Promise<Contract> {
  return parseContract('openapi/openapi.json', await readFile(contractFile, 'utf8'));
}

function withDocument(contract: Contract, edit: (document: Record<string, unknown>) => void): Contract {
  const document = structuredClone(contract.document) as Record<string, unknown>;
  edit(document);
  return { ...contract, document };
}

describe('checkContractExamples', () => {
  test('every example of the synced contract matches its schema', async () => {
    const report = checkContractExamples(await projectContract());
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThan(100);
  });

  test('a request example that breaks its schema is reported with its place', async () => {
    const contract = withDocument(await projectContract(), (document) => {
      const body = (document as { paths: Record<string, { post: { requestBody: unknown } }> }).paths[
        '/ocpp/locations'
      ]?.post.requestBody as { content: Record<string, { example: Record<string, unknown> }> };
      const media = body.content['application/json'];
      if (media) media.example = { ...media.example, name: 42 };
    });
    const messages = checkContractExamples(contract).problems.map((problem) =>
      formatExampleProblem(contract.path, problem),
    );
    expect(messages).toEqual([
      'openapi/openapi.json: example at /paths/~1ocpp~1locations/post/requestBody/content/application~1json/example does not match its schema: /name must be string',
    ]);
  });

  test('parameter, webhook and schema examples are checked too', () => {
    const contract = parseContract(
      'fixture.json',
      JSON.stringify({
        openapi: '3.1.0',
        servers: [{ url: 'https://api.example.com' }],
        paths: {
          '/items': {
            get: {
              parameters: [
                { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 }, example: 500 },
              ],
              responses: { '200': { description: 'ok' } },
            },
          },
        },
        webhooks: {
          'item.updated': {
            post: {
              requestBody: {
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/Item' },
                    examples: { bad: { value: { id: 'not-a-uuid' } } },
                  },
                },
              },
              responses: { '200': { description: 'ok' } },
            },
          },
        },
        components: {
          schemas: {
            Item: {
              type: 'object',
              required: ['id'],
              properties: { id: { type: 'string', format: 'uuid', examples: ['nope'] } },
            },
          },
        },
      }),
    );
    expect(checkContractExamples(contract).problems).toEqual([
      { example: '/paths/~1items/get/parameters/0/example', message: '(root) must be <= 100' },
      {
        example: '/webhooks/item.updated/post/requestBody/content/application~1json/examples/bad/value',
        message: '/id must match format "uuid"',
      },
      {
        example: '/components/schemas/Item/properties/id/examples/0',
        message: '(root) must match format "uuid"',
      },
    ]);
  });

  test('OpenAPI 3.0: nullable and boolean exclusiveMinimum are understood', () => {
    const contract = parseContract(
      'legacy.json',
      JSON.stringify({
        openapi: '3.0.3',
        servers: [{ url: 'https://api.example.com' }],
        paths: {},
        components: {
          schemas: {
            Price: {
              type: 'object',
              properties: {
                amount: { type: 'number', minimum: 0, exclusiveMinimum: true },
                note: { type: 'string', nullable: true },
              },
              example: { amount: 0, note: null },
            },
          },
        },
      }),
    );
    expect(checkContractExamples(contract).problems).toEqual([
      { example: '/components/schemas/Price/example', message: '/amount must be > 0' },
    ]);
    expect(normalizeOpenApi30({ minimum: 1, exclusiveMinimum: false })).toEqual({ minimum: 1 });
  });
});
