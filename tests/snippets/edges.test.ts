import { describe, expect, test } from 'vitest';
import { resolveSnippetConfig, serverFromEnvironment } from '../../scripts/snippets/config.ts';
import { parseContract } from '../../scripts/snippets/contract.ts';
import { parsePrismProblem, parseViolationsHeader } from '../../scripts/snippets/proxy.ts';
import { nodeTypeStrippingFlags, snippetEnvironment } from '../../scripts/snippets/run.ts';
import { mapDiagnostics } from '../../scripts/snippets/typecheck.ts';
import type { CodeBlock } from '../../scripts/snippets/types.ts';

describe('reading what Prism reports', () => {
  test('keeps the request violations of the sl-violations header', () => {
    const header = JSON.stringify([
      {
        location: ['request', 'body'],
        severity: 'Error',
        code: 'required',
        message: "must have required property 'name'",
      },
      { location: ['response', 'body'], severity: 'Error', code: 'type', message: 'must be string' },
    ]);
    expect(parseViolationsHeader(header)).toEqual([
      { location: 'request.body', code: 'required', message: "must have required property 'name'" },
    ]);
    expect(parseViolationsHeader(undefined)).toEqual([]);
  });

  test('an unreadable header is reported, not ignored', () => {
    expect(parseViolationsHeader('[oops')).toEqual([
      { location: 'request', code: 'unreadable', message: 'unreadable sl-violations header: [oops' },
    ]);
  });

  test('a route Prism does not know is a violation', () => {
    const body = JSON.stringify({
      type: 'https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR',
      title: 'Route not resolved, no path matched',
      detail: "The route /ocpp/catalog/brands hasn't been found in the specification file",
    });
    expect(parsePrismProblem('application/problem+json', body)).toEqual({
      location: 'request',
      code: 'NO_PATH_MATCHED_ERROR',
      message:
        "Route not resolved, no path matched: The route /ocpp/catalog/brands hasn't been found in the specification file",
    });
    expect(parsePrismProblem('application/json', body)).toBeUndefined();
  });
});

describe('mapDiagnostics', () => {
  const block: CodeBlock = {
    page: 'docs/quickstart.mdx',
    line: 40,
    lang: 'ts',
    runtime: 'typescript',
    title: undefined,
    meta: {},
    code: '',
    sequence: false,
  };
  test('maps tsc lines to page:line:column and keeps continuation lines', () => {
    const output = [
      "p2/check.ts(3,5): error TS2353: Object literal may only specify known properties, and 'name' does not exist.",
      "  Did you mean 'label'?",
      'error TS5023: Unknown compiler option.',
      '',
    ].join('\n');
    const files = [{ file: 'p2/check.ts', segments: [{ block, startLine: 1, lineCount: 10 }] }];
    expect(mapDiagnostics(output, files)).toEqual({
      errors: [
        {
          block,
          message:
            "docs/quickstart.mdx:43:5 TS2353 Object literal may only specify known properties, and 'name' does not exist.\n  Did you mean 'label'?",
        },
      ],
      general: ['error TS5023: Unknown compiler option.'],
    });
  });
});

describe('configuration', () => {
  test('no OCPPLAB_BASE_URL and no OCPPLAB_TOKEN: Prism', () => {
    expect(serverFromEnvironment({})).toEqual({ kind: 'prism' });
  });

  test('both set: the real API', () => {
    expect(
      serverFromEnvironment({ OCPPLAB_BASE_URL: 'https://staging.example.com', OCPPLAB_TOKEN: 't' }),
    ).toEqual({
      kind: 'remote',
      baseUrl: 'https://staging.example.com',
      token: 't',
    });
  });

  test('only one set: an error that says what to do', () => {
    expect(() => serverFromEnvironment({ OCPPLAB_TOKEN: 't' })).toThrow(
      'OCPPLAB_TOKEN is set but OCPPLAB_BASE_URL is not: set both to run the snippets against a real API, or neither to run them against Prism',
    );
  });

  test('defaults resolve against the root', () => {
    const config = resolveSnippetConfig({ root: '/project', concurrency: 3 });
    expect(config).toMatchObject({
      root: '/project',
      docsDir: '/project/docs',
      contractPath: '/project/openapi/openapi.json',
      concurrency: 3,
      timeoutMs: 30_000,
      server: { kind: 'prism' },
    });
  });

  test('the snippet environment carries the token and no proxy', () => {
    const env = snippetEnvironment(
      { PATH: '/bin', HTTPS_PROXY: 'http://proxy:3128', OCPPLAB_BASE_URL: 'x' },
      'tok',
      'ACME_TOKEN',
    );
    expect(env).toMatchObject({ PATH: '/bin', ACME_TOKEN: 'tok', NO_PROXY: '127.0.0.1,localhost' });
    expect(env).not.toHaveProperty('HTTPS_PROXY');
    expect(env).not.toHaveProperty('OCPPLAB_BASE_URL');
  });

  test.each([
    { given: 'v20.19.0', want: undefined },
    { given: 'v22.12.0', want: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'] },
    { given: 'v22.18.0', want: ['--disable-warning=ExperimentalWarning'] },
    { given: 'v24.1.0', want: ['--disable-warning=ExperimentalWarning'] },
  ])('Node $given strips types with $want', ({ given, want }) => {
    expect(nodeTypeStrippingFlags(given)).toEqual(want);
  });
});

describe('parseContract', () => {
  test.each([
    { given: '{', want: /^openapi\/openapi\.json: is not valid JSON \(/ },
    {
      given: '{"swagger": "2.0"}',
      want: 'openapi/openapi.json: unsupported OpenAPI version undefined; use OpenAPI 3.0 or 3.1',
    },
    {
      given: '{"openapi": "3.1.0", "servers": []}',
      want: 'openapi/openapi.json: servers[0].url must be the documented absolute base URL (https://…); the snippet runner points it at the test server',
    },
  ])('rejects $given', ({ given, want }) => {
    expect(() => parseContract('openapi/openapi.json', given)).toThrow(want);
  });

  test('reads the base URL without its trailing slash', () => {
    const contract = parseContract(
      'c.json',
      '{"openapi": "3.0.3", "servers": [{"url": "https://api.example.com/v1/"}]}',
    );
    expect([contract.baseUrl, contract.version]).toEqual(['https://api.example.com/v1', '3.0']);
  });
});
