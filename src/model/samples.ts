import { isJson } from './media.ts';
import { isAnonymous } from './security.ts';
import type {
  CodeSample,
  HttpMethod,
  Parameter,
  RequestBody,
  Response,
  SecurityRequirement,
} from './types.ts';

export interface SampleInput {
  baseUrl: string;
  method: HttpMethod;
  path: string;
  parameters: Parameter[];
  requestBody?: RequestBody | undefined;
  responses: Response[];
  security: SecurityRequirement[];
  /** Environment variable the samples read the credential from. */
  tokenEnv: string;
}

/**
 * Code samples in curl, Python (`requests`) and TypeScript (`openapi-fetch`),
 * runnable as shown: the snippet tests execute each of them against the contract.
 * They send the path parameters, the required query, header and cookie
 * parameters, and the first request example.
 */
export function codeSamples(input: SampleInput): CodeSample[] {
  const call = describeCall(input);
  return [
    { lang: 'bash', label: 'curl', code: curl(call) },
    { lang: 'python', label: 'Python', code: python(call) },
    { lang: 'ts', label: 'TypeScript', code: typescript(call) },
  ];
}

interface Call {
  method: HttpMethod;
  baseUrl: string;
  /** The path template, as openapi-fetch wants it. */
  path: string;
  /** Base URL + path with the path parameters filled in. */
  url: string;
  pathParams: [string, unknown][];
  query: [string, unknown][];
  headers: [string, string][];
  cookies: [string, string][];
  auth?: { kind: 'bearer' | 'basic' | 'header' | 'query' | 'cookie'; name: string };
  tokenEnv: string;
  body?: { mediaType: string; value: unknown };
  /** The success response is not JSON: openapi-fetch must read it as text. */
  textResponse: boolean;
}

function describeCall(input: SampleInput): Call {
  const pick = (location: Parameter['in']) =>
    input.parameters.filter((p) => p.in === location && (p.required || location === 'path'));
  const pathParams = pick('path').map((p): [string, unknown] => [p.name, p.example.value]);
  let filled = input.path;
  for (const [name, value] of pathParams) {
    filled = filled.replace(`{${name}}`, encodeURIComponent(scalar(value)));
  }
  const call: Call = {
    method: input.method,
    baseUrl: input.baseUrl,
    path: input.path,
    url: `${input.baseUrl}${filled}`,
    pathParams,
    query: pick('query').map((p) => [p.name, p.example.value]),
    headers: pick('header').map((p) => [p.name, scalar(p.example.value)]),
    cookies: pick('cookie').map((p) => [p.name, scalar(p.example.value)]),
    tokenEnv: input.tokenEnv,
    textResponse: !successIsJson(input.responses),
  };
  const auth = authFor(input.security);
  if (auth !== undefined) call.auth = auth;
  const media = input.requestBody?.content.find((m) => isJson(m.mediaType)) ?? input.requestBody?.content[0];
  const example = media?.examples[0];
  if (media !== undefined && example !== undefined)
    call.body = { mediaType: media.mediaType, value: example.value };
  return call;
}

function successIsJson(responses: Response[]): boolean {
  const success = responses.find((r) => r.status.startsWith('2'));
  if (success === undefined || success.content.length === 0) return true;
  return success.content.some((m) => isJson(m.mediaType));
}

/** The first requirement's first scheme, unless the call may go without credentials. */
function authFor(security: SecurityRequirement[]): Call['auth'] {
  if (isAnonymous(security)) return undefined;
  const scheme = security[0]?.schemes[0]?.scheme;
  if (scheme === undefined) return undefined;
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic')
    return { kind: 'basic', name: 'Authorization' };
  if (scheme.type === 'apiKey' && scheme.name !== undefined) {
    return {
      kind: scheme.in === 'query' ? 'query' : scheme.in === 'cookie' ? 'cookie' : 'header',
      name: scheme.name,
    };
  }
  return { kind: 'bearer', name: 'Authorization' };
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function queryString(pairs: [string, unknown][]): string {
  const params = new URLSearchParams();
  for (const [name, value] of pairs) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, scalar(item));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Single-quoted for POSIX shells: `it's` → `'it'\''s'`. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function curl(call: Call): string {
  const lines: string[] = [];
  let url = `${call.url}${queryString(call.query)}`;
  if (call.auth?.kind === 'query') {
    url += `${url.includes('?') ? '&' : '?'}${encodeURIComponent(call.auth.name)}=$${call.tokenEnv}`;
  }
  const urlArg = call.auth?.kind === 'query' ? `"${url}"` : shellQuote(url);
  lines.push(`curl --fail-with-body -sS -X ${call.method.toUpperCase()} ${urlArg}`);
  if (call.auth?.kind === 'bearer') lines.push(`-H "Authorization: Bearer $${call.tokenEnv}"`);
  if (call.auth?.kind === 'basic') lines.push(`-u "$${call.tokenEnv}"`);
  if (call.auth?.kind === 'header') lines.push(`-H "${call.auth.name}: $${call.tokenEnv}"`);
  for (const [name, value] of call.headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  const cookies = call.cookies.map(([name, value]) => `${name}=${value}`);
  if (call.auth?.kind === 'cookie') cookies.push(`${call.auth.name}=$${call.tokenEnv}`);
  if (cookies.length > 0) lines.push(`-b "${cookies.join('; ')}"`);
  if (call.body !== undefined) {
    lines.push(`-H ${shellQuote(`Content-Type: ${call.body.mediaType}`)}`);
    const data = isJson(call.body.mediaType)
      ? JSON.stringify(call.body.value, null, 2)
      : scalar(call.body.value);
    lines.push(`-d ${shellQuote(data)}`);
  }
  return lines.join(' \\\n  ');
}

/** A JSON value as a Python literal (`true` → `True`, `null` → `None`), indented like `json.dumps`. */
export function pythonLiteral(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent + 4);
  const end = ' '.repeat(indent);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${pad}${pythonLiteral(item, indent + 4)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${pad}${JSON.stringify(key)}: ${pythonLiteral(item, indent + 4)},`).join('\n')}\n${end}}`;
}

function python(call: Call): string {
  const lines = ['import os', '', 'import requests', ''];
  const args: string[] = [`    ${JSON.stringify(call.url)},`];
  const headers: string[] = [];
  if (call.auth?.kind === 'bearer')
    headers.push(`"Authorization": f"Bearer {os.environ['${call.tokenEnv}']}"`);
  if (call.auth?.kind === 'header')
    headers.push(`${JSON.stringify(call.auth.name)}: os.environ["${call.tokenEnv}"]`);
  for (const [name, value] of call.headers) headers.push(`${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  if (headers.length > 0) args.push(`    headers={${headers.join(', ')}},`);
  if (call.auth?.kind === 'basic') args.push(`    auth=tuple(os.environ["${call.tokenEnv}"].split(":", 1)),`);
  const query = call.query.map(([name, value]) => `${JSON.stringify(name)}: ${pythonLiteral(value, 4)}`);
  if (call.auth?.kind === 'query')
    query.push(`${JSON.stringify(call.auth.name)}: os.environ["${call.tokenEnv}"]`);
  if (query.length > 0) args.push(`    params={${query.join(', ')}},`);
  const cookies = call.cookies.map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  if (call.auth?.kind === 'cookie')
    cookies.push(`${JSON.stringify(call.auth.name)}: os.environ["${call.tokenEnv}"]`);
  if (cookies.length > 0) args.push(`    cookies={${cookies.join(', ')}},`);
  if (call.body !== undefined) {
    const literal = pythonLiteral(call.body.value, 4);
    args.push(isJson(call.body.mediaType) ? `    json=${literal},` : `    data=${literal},`);
  }
  args.push('    timeout=60,');
  lines.push(`response = requests.${call.method}(`, ...args, ')', 'response.raise_for_status()');
  lines.push(
    call.textResponse
      ? 'print(response.text)'
      : 'print(response.json() if response.content else response.status_code)',
  );
  return lines.join('\n');
}

/** A single-quoted TypeScript string literal. */
function tsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A JSON value as a TypeScript literal with two-space indentation. */
function tsLiteral(value: unknown, indent: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(indent)}`);
}

function typescript(call: Call): string {
  const lines = [`import createClient from 'openapi-fetch';`, `import type { paths } from './ocpplab';`, ''];
  const clientHeaders: string[] = [];
  if (call.auth?.kind === 'bearer')
    clientHeaders.push(`Authorization: \`Bearer \${process.env.${call.tokenEnv}}\``);
  if (call.auth?.kind === 'basic')
    clientHeaders.push(`Authorization: \`Basic \${btoa(process.env.${call.tokenEnv} ?? '')}\``);
  if (call.auth?.kind === 'header')
    clientHeaders.push(`${JSON.stringify(call.auth.name)}: process.env.${call.tokenEnv} ?? ''`);
  lines.push('const client = createClient<paths>({', `  baseUrl: ${tsString(call.baseUrl)},`);
  if (clientHeaders.length > 0) lines.push(`  headers: { ${clientHeaders.join(', ')} },`);
  lines.push('});', '');

  const params: string[] = [];
  const group = (name: string, pairs: [string, unknown][]) => {
    if (pairs.length === 0) return;
    const members = pairs.map(([key, value]) => `${JSON.stringify(key)}: ${tsLiteral(value, 6)}`);
    params.push(`    ${name}: { ${members.join(', ')} },`);
  };
  group('path', call.pathParams);
  group('query', call.query);
  group('header', call.headers);
  group('cookie', call.cookies);
  const options: string[] = [];
  if (params.length > 0) options.push('  params: {', ...params, '  },');
  if (call.body !== undefined) options.push(`  body: ${tsLiteral(call.body.value, 2)},`);
  if (call.textResponse) options.push(`  parseAs: 'text',`);
  const method = call.method.toUpperCase();
  const args = options.length > 0 ? `, {\n${options.join('\n')}\n}` : '';
  lines.push(`const { data, error } = await client.${method}(${tsString(call.path)}${args});`);
  lines.push(
    `if (error !== undefined) throw new Error(\`${method} ${call.path} failed: \${JSON.stringify(error)}\`);`,
  );
  lines.push('console.log(data);');
  return lines.join('\n');
}
