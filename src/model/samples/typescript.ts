import { type Call, scalar } from './call.ts';

/** The call with `openapi-fetch` and the types generated from the contract, throwing on an error. */
export function typescript(call: Call): string {
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

/** A single-quoted TypeScript string literal. */
function tsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A JSON value as a TypeScript literal with two-space indentation. */
function tsLiteral(value: unknown, indent: number): string {
  return (JSON.stringify(value, null, 2) ?? 'undefined').replace(/\n/g, `\n${' '.repeat(indent)}`);
}
