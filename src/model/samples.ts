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

/** Methods `requests` has a function of its own for. */
const PYTHON_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);

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

/** How a body travels: JSON, an HTML form, a multipart form, or raw text. */
type BodyEncoding = 'json' | 'form' | 'multipart' | 'text';

interface Call {
  method: HttpMethod;
  baseUrl: string;
  /** The path template, as openapi-fetch wants it. */
  path: string;
  /** Base URL + path with the path parameters filled in. */
  url: string;
  /** Parameter values as the contract types them (openapi-fetch's types want a number as a number). */
  pathParams: [string, unknown][];
  query: [string, unknown][];
  headers: [string, unknown][];
  cookies: [string, unknown][];
  auth?: { kind: 'bearer' | 'basic' | 'header' | 'query' | 'cookie'; name: string };
  tokenEnv: string;
  body?: { mediaType: string; encoding: BodyEncoding; value: unknown };
  /** The success response is not JSON: openapi-fetch must read it as text. */
  textResponse: boolean;
}

function describeCall(input: SampleInput): Call {
  const pick = (location: Parameter['in']) =>
    input.parameters
      .filter((p) => p.in === location && (p.required || location === 'path'))
      .map((p): [string, unknown] => [p.name, p.example.value]);
  const pathParams = pick('path');
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
    query: pick('query'),
    headers: pick('header'),
    cookies: pick('cookie'),
    tokenEnv: input.tokenEnv,
    textResponse: !successIsJson(input.responses),
  };
  const auth = authFor(input.security);
  if (auth !== undefined) call.auth = auth;
  const content = input.requestBody?.content ?? [];
  const media =
    content.find((m) => isJson(m.mediaType)) ??
    content.find((m) => encodingOf(m.mediaType) !== 'text') ??
    content[0];
  const example = media?.examples[0];
  if (media !== undefined && example !== undefined) {
    call.body = { mediaType: media.mediaType, encoding: encodingOf(media.mediaType), value: example.value };
  }
  return call;
}

function encodingOf(mediaType: string): BodyEncoding {
  const base = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (isJson(base)) return 'json';
  if (base === 'application/x-www-form-urlencoded') return 'form';
  if (base === 'multipart/form-data') return 'multipart';
  return 'text';
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

/** Top-level members of a form body as text pairs (`{ a: 1 }` → `[['a', '1']]`). */
function formPairs(value: unknown): [string, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [['value', scalar(value)]];
  return Object.entries(value).flatMap(([key, member]) =>
    Array.isArray(member)
      ? member.map((item): [string, string] => [key, scalar(item)])
      : [[key, scalar(member)] as [string, string]],
  );
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
  const token = `"$${call.tokenEnv}"`;
  const url = `${call.url}${queryString(call.query)}`;
  // Contract text goes in single quotes; the token joins it in double quotes: 'https://…?api_key='"$TOKEN".
  const urlArg =
    call.auth?.kind === 'query'
      ? `${shellQuote(`${url}${url.includes('?') ? '&' : '?'}${encodeURIComponent(call.auth.name)}=`)}${token}`
      : shellQuote(url);
  lines.push(`curl --fail-with-body -sS -X ${call.method.toUpperCase()} ${urlArg}`);
  if (call.auth?.kind === 'bearer') lines.push(`-H "Authorization: Bearer $${call.tokenEnv}"`);
  if (call.auth?.kind === 'basic') lines.push(`-u ${token}`);
  if (call.auth?.kind === 'header') lines.push(`-H ${shellQuote(`${call.auth.name}: `)}${token}`);
  for (const [name, value] of call.headers) lines.push(`-H ${shellQuote(`${name}: ${scalar(value)}`)}`);
  const cookies = call.cookies.map(([name, value]) => `${name}=${scalar(value)}`).join('; ');
  if (call.auth?.kind === 'cookie') {
    const prefix = cookies === '' ? '' : `${cookies}; `;
    lines.push(`-b ${shellQuote(`${prefix}${call.auth.name}=`)}${token}`);
  } else if (cookies !== '') {
    lines.push(`-b ${shellQuote(cookies)}`);
  }
  const body = call.body;
  if (body !== undefined) {
    if (body.encoding === 'multipart') {
      for (const [name, value] of formPairs(body.value)) lines.push(`-F ${shellQuote(`${name}=${value}`)}`);
    } else {
      lines.push(`-H ${shellQuote(`Content-Type: ${body.mediaType}`)}`);
      if (body.encoding === 'form') {
        for (const [name, value] of formPairs(body.value))
          lines.push(`--data-urlencode ${shellQuote(`${name}=${value}`)}`);
      } else {
        if (body.encoding === 'json') lines.push(`-d ${shellQuote(JSON.stringify(body.value, null, 2))}`);
        else lines.push(`--data-binary ${shellQuote(scalar(body.value))}`);
      }
    }
  }
  return lines.join(' \\\n  ');
}

/** A JSON value as a Python literal (`true` → `True`, `null` → `None`), indented like `json.dumps`. */
function pythonLiteral(value: unknown, indent = 0): string {
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
  const env = `os.environ[${JSON.stringify(call.tokenEnv)}]`;
  const args: string[] = [`    ${JSON.stringify(call.url)},`];
  const headers: string[] = [];
  if (call.auth?.kind === 'bearer')
    headers.push(`"Authorization": f"Bearer {os.environ['${call.tokenEnv}']}"`);
  if (call.auth?.kind === 'header') headers.push(`${JSON.stringify(call.auth.name)}: ${env}`);
  for (const [name, value] of call.headers)
    headers.push(`${JSON.stringify(name)}: ${JSON.stringify(scalar(value))}`);
  if (headers.length > 0) args.push(`    headers={${headers.join(', ')}},`);
  if (call.auth?.kind === 'basic') args.push(`    auth=tuple(${env}.split(":", 1)),`);
  const query = call.query.map(([name, value]) => `${JSON.stringify(name)}: ${pythonLiteral(value, 4)}`);
  if (call.auth?.kind === 'query') query.push(`${JSON.stringify(call.auth.name)}: ${env}`);
  if (query.length > 0) args.push(`    params={${query.join(', ')}},`);
  const cookies = call.cookies.map(
    ([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(scalar(value))}`,
  );
  if (call.auth?.kind === 'cookie') cookies.push(`${JSON.stringify(call.auth.name)}: ${env}`);
  if (cookies.length > 0) args.push(`    cookies={${cookies.join(', ')}},`);
  const body = call.body;
  if (body !== undefined) {
    if (body.encoding === 'json') {
      args.push(`    json=${pythonLiteral(body.value, 4)},`);
    } else if (body.encoding === 'form') {
      args.push(`    data=${pythonPairs(formPairs(body.value))},`);
    } else if (body.encoding === 'multipart') {
      // requests sends multipart/form-data when given `files`; (None, value) is a plain field.
      const fields = formPairs(body.value).map(
        ([name, value]) => `(${JSON.stringify(name)}, (None, ${JSON.stringify(value)}))`,
      );
      args.push(`    files=[${fields.join(', ')}],`);
    } else {
      args.push(`    headers={"Content-Type": ${JSON.stringify(body.mediaType)}},`);
      args.push(`    data=${JSON.stringify(scalar(body.value))},`);
    }
  }
  args.push('    timeout=60,');
  lines.push(
    // requests has a function per common method; others (QUERY, 3.2's additional ones) go through request()
    PYTHON_METHODS.has(call.method)
      ? `response = requests.${call.method}(`
      : `response = requests.request(${JSON.stringify(call.method.toUpperCase())},`,
    ...mergePythonHeaders(args),
    ')',
    'response.raise_for_status()',
  );
  lines.push(
    call.textResponse
      ? 'print(response.text)'
      : 'print(response.json() if response.content else response.status_code)',
  );
  return lines.join('\n');
}

/** A list of pairs as a Python literal: repeated keys survive, unlike in a dict. */
function pythonPairs(pairs: [string, string][]): string {
  return `[${pairs.map(([name, value]) => `(${JSON.stringify(name)}, ${JSON.stringify(value)})`).join(', ')}]`;
}

/** One `headers=` argument: a raw-text body adds its Content-Type to the others. */
function mergePythonHeaders(args: string[]): string[] {
  const headerArgs = args.filter((arg) => arg.startsWith('    headers={'));
  if (headerArgs.length < 2) return args;
  const members = headerArgs.map((arg) => arg.slice('    headers={'.length, -'},'.length));
  const merged = `    headers={${members.join(', ')}},`;
  const first = args.indexOf(headerArgs[0] ?? '');
  return args.flatMap((arg, index) => (!headerArgs.includes(arg) ? [arg] : index === first ? [merged] : []));
}

/** A single-quoted TypeScript string literal. */
function tsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A JSON value as a TypeScript literal with two-space indentation. */
function tsLiteral(value: unknown, indent: number): string {
  return (JSON.stringify(value, null, 2) ?? 'undefined').replace(/\n/g, `\n${' '.repeat(indent)}`);
}

function typescript(call: Call): string {
  const env = `process.env.${call.tokenEnv}`;
  const lines = [`import createClient from 'openapi-fetch';`, `import type { paths } from './ocpplab';`, ''];
  const clientHeaders: string[] = [];
  if (call.auth?.kind === 'bearer') clientHeaders.push(`Authorization: \`Bearer \${${env}}\``);
  if (call.auth?.kind === 'basic') clientHeaders.push(`Authorization: \`Basic \${btoa(${env} ?? '')}\``);
  if (call.auth?.kind === 'header') clientHeaders.push(`${JSON.stringify(call.auth.name)}: ${env} ?? ''`);
  lines.push('const client = createClient<paths>({', `  baseUrl: ${tsString(call.baseUrl)},`);
  if (clientHeaders.length > 0) lines.push(`  headers: { ${clientHeaders.join(', ')} },`);
  lines.push('});', '');
  if (call.auth?.kind === 'query') {
    // The key is no parameter of the operation's type: a middleware adds it to every request.
    lines.push(
      'client.use({',
      '  onRequest({ request }) {',
      '    const url = new URL(request.url);',
      `    url.searchParams.set(${tsString(call.auth.name)}, ${env} ?? '');`,
      '    return new Request(url, request);',
      '  },',
      '});',
      '',
    );
  }

  const params: string[] = [];
  const group = (name: string, pairs: [string, unknown][]) => {
    if (pairs.length === 0) return;
    const members = pairs.map(([key, value]) => `${JSON.stringify(key)}: ${tsLiteral(value, 6)}`);
    params.push(`    ${name}: { ${members.join(', ')} },`);
  };
  group('path', call.pathParams);
  group('query', call.query);
  group('header', call.headers);
  // openapi-fetch types cookie parameters but does not send them: the Cookie header below does.
  group('cookie', call.cookies);
  const options: string[] = [];
  if (params.length > 0) options.push('  params: {', ...params, '  },');
  const cookieParts = call.cookies.map(([name, value]) => `${name}=${scalar(value)}`);
  const requestHeaders: string[] = [];
  if (call.auth?.kind === 'cookie') {
    const fixed = cookieParts.map((part) => `${part}; `).join('');
    const template = `${fixed}${call.auth.name}=`.replace(/[`\\$]/g, (c) => `\\${c}`);
    requestHeaders.push(`Cookie: \`${template}\${${env} ?? ''}\``);
  } else if (cookieParts.length > 0) {
    requestHeaders.push(`Cookie: ${tsString(cookieParts.join('; '))}`);
  }
  const body = call.body;
  if (body !== undefined) {
    options.push(`  body: ${tsLiteral(body.value, 2)},`);
    if (body.encoding === 'form') {
      // Repeated keys for arrays (`colours=red&colours=green`), as curl and requests send them.
      requestHeaders.push(`'Content-Type': ${tsString(body.mediaType)}`);
      options.push(
        '  bodySerializer(body) {',
        '    const form = new URLSearchParams();',
        '    for (const [name, value] of Object.entries(body ?? {}))',
        '      for (const item of Array.isArray(value) ? value : [value]) form.append(name, String(item));',
        '    return form.toString();',
        '  },',
      );
    }
    if (body.encoding === 'multipart') {
      options.push(
        '  bodySerializer(body) {',
        '    const form = new FormData();',
        '    for (const [name, value] of Object.entries(body ?? {})) form.append(name, String(value));',
        '    return form;',
        '  },',
      );
    }
    if (body.encoding === 'text') {
      requestHeaders.push(`'Content-Type': ${tsString(body.mediaType)}`);
      options.push('  bodySerializer: (body) => (typeof body === "string" ? body : JSON.stringify(body)),');
    }
  }
  if (requestHeaders.length > 0) options.push(`  headers: { ${requestHeaders.join(', ')} },`);
  if (call.textResponse) options.push(`  parseAs: 'text',`);
  const method = call.method.toUpperCase();
  const args = options.length > 0 ? `, {\n${options.join('\n')}\n}` : '';
  lines.push(`const { data, error } = await client.${method}(${tsString(call.path)}${args});`);
  const failure = `${method} ${call.path} failed: `.replace(/[`\\$]/g, (c) => `\\${c}`);
  lines.push(`if (error !== undefined) throw new Error(\`${failure}\${JSON.stringify(error)}\`);`);
  lines.push('console.log(data);');
  return lines.join('\n');
}
