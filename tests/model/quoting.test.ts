import { describe, expect, it } from 'vitest';
import { codeSamples, type SampleInput } from '../../src/model/samples/index.ts';
import { emptyNode } from '../../src/model/schema.ts';
import type { Parameter, SchemaNode, SecurityScheme } from '../../src/model/types.ts';

const stringNode: SchemaNode = emptyNode('string');

function parameter(name: string, location: Parameter['in'], value: unknown): Parameter {
  return {
    name,
    in: location,
    required: true,
    deprecated: false,
    schema: stringNode,
    example: { value, generated: false },
  };
}

function samples(input: Partial<SampleInput>): Record<string, string> {
  const all = codeSamples({
    baseUrl: 'https://api.example.com',
    method: 'get',
    path: '/x',
    parameters: [],
    responses: [],
    security: [],
    tokenEnv: 'OCPPLAB_TOKEN',
    ...input,
  });
  return Object.fromEntries(all.map((sample) => [sample.label, sample.code]));
}

const hostile = `it's $(touch /tmp/pwned) \`id\` "q"`;
/** `${…}` written without tripping the linter's template-in-string check. */
const placeholder = (inner: string) => `$${'{'}${inner}}`;

describe('samples keep contract text inert in every language', () => {
  it('curl single-quotes a header value with quotes, $() and backticks', () => {
    const { curl } = samples({ parameters: [parameter('X-Note', 'header', hostile)] });
    expect(curl).toContain(`-H 'X-Note: it'\\''s $(touch /tmp/pwned) \`id\` "q"'`);
  });

  it('curl single-quotes a cookie value and joins the token in double quotes', () => {
    const scheme: SecurityScheme = { key: 's', type: 'apiKey', in: 'cookie', name: 'session' };
    const { curl } = samples({
      parameters: [parameter('pref', 'cookie', hostile)],
      security: [{ schemes: [{ scheme, scopes: [] }] }],
    });
    expect(curl).toContain(`-b 'pref=it'\\''s $(touch /tmp/pwned) \`id\` "q"; session='"$OCPPLAB_TOKEN"`);
  });

  it('curl keeps a query key outside double quotes', () => {
    const scheme: SecurityScheme = { key: 'k', type: 'apiKey', in: 'query', name: 'api_key' };
    const { curl } = samples({ path: '/a$b', security: [{ schemes: [{ scheme, scopes: [] }] }] });
    expect(curl).toContain(`'https://api.example.com/a$b?api_key='"$OCPPLAB_TOKEN"`);
  });

  it('Python writes values as string literals', () => {
    const { Python } = samples({ parameters: [parameter('X-Note', 'header', hostile)] });
    expect(Python).toContain(`headers={"X-Note": "it's $(touch /tmp/pwned) \`id\` \\"q\\""}`);
  });

  it('TypeScript escapes backticks and placeholders in the error template', () => {
    const { TypeScript } = samples({ path: `/a/\`${placeholder('x')}\`` });
    expect(TypeScript).toContain(`client.GET('/a/\`${placeholder('x')}\`')`);
    expect(TypeScript).toContain(
      `throw new Error(\`GET /a/\\\`\\${placeholder('x')}\\\` failed: ${placeholder('JSON.stringify(error)')}\`);`,
    );
  });

  it('TypeScript keeps a cookie value out of template syntax', () => {
    const scheme: SecurityScheme = { key: 's', type: 'apiKey', in: 'cookie', name: 'session' };
    const { TypeScript } = samples({
      parameters: [parameter('pref', 'cookie', placeholder('process.exit()'))],
      security: [{ schemes: [{ scheme, scopes: [] }] }],
    });
    expect(TypeScript).toContain(
      `headers: { Cookie: \`pref=\\${placeholder('process.exit()')}; session=${placeholder("process.env.OCPPLAB_TOKEN ?? ''")}\` }`,
    );
  });
});
