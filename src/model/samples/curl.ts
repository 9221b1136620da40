import { type Call, formPairs, scalar } from './call.ts';

/** The call as a curl command, one option per line. */
export function curl(call: Call): string {
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
