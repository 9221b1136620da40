import { isJson } from '../media.ts';
import { isAnonymous } from '../security.ts';
import type { HttpMethod, Parameter, RequestBody, Response, SecurityRequirement } from '../types.ts';

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

/** How a body travels: JSON, an HTML form, a multipart form, or raw text. */
type BodyEncoding = 'json' | 'form' | 'multipart' | 'text';

/** What every language's sample sends: one description of the call, written out by each writer. */
export interface Call {
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

export function describeCall(input: SampleInput): Call {
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

/** A parameter or form value as text: strings as they are, anything else as JSON. */
export function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Top-level members of a form body as text pairs (`{ a: 1 }` → `[['a', '1']]`). */
export function formPairs(value: unknown): [string, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [['value', scalar(value)]];
  return Object.entries(value).flatMap(([key, member]) =>
    Array.isArray(member)
      ? member.map((item): [string, string] => [key, scalar(item)])
      : [[key, scalar(member)] as [string, string]],
  );
}
