import { type Call, formPairs, scalar } from './call.ts';

/** Methods `requests` has a function of its own for. */
const PYTHON_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);

/** The call with `requests`, printing the response. */
export function python(call: Call): string {
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
