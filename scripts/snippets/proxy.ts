/**
 * Record: a small reverse proxy on its own loopback port in front of the test server, one per
 * program. Everything that reaches it came from that program, so requests, their status and the
 * violations Prism reported are attributed without parsing logs or guessing from timestamps.
 * It also checks each request itself for what Prism lets through: query parameters and headers
 * the operation does not declare (a guide still sending `?old_name=` after a rename).
 */
import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type Server,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RecordedRequest, Violation } from './types.ts';

export interface Marker {
  block: number;
  at: number;
}

export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  /** When each block of a sequence started (from the program's marker requests). */
  markers: Marker[];
  close(): Promise<void>;
}

const markerPath = /^\/__snippets\/block\/(\d+)$/;

/** A request as the proxy's own check sees it: header names lower-cased, query keys as sent. */
export interface SeenRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
}

/** The proxy's own check of a request, run before it is forwarded. */
export type RequestCheck = (request: SeenRequest) => Violation[];

/** `/a?x=1&x=2&y=` → the request the check sees. */
function seenRequest(method: string, url: string, headers: IncomingMessage['headers']): SeenRequest {
  const parsed = new URL(url, 'http://proxy.invalid');
  const query: Record<string, string[]> = {};
  for (const [name, value] of parsed.searchParams) query[name] = [...(query[name] ?? []), value];
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return { method, path: parsed.pathname, query, headers: flat };
}
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads Prism's `sl-violations` header (a JSON array of `{location, severity, code, message}`)
 * and keeps the request violations. Anything unreadable is itself reported, not ignored.
 */
export function parseViolationsHeader(header: string | undefined): Violation[] {
  if (header === undefined || header === '') return [];
  let items: unknown;
  try {
    items = JSON.parse(header);
  } catch {
    return [
      { location: 'request', code: 'unreadable', message: `unreadable sl-violations header: ${header}` },
    ];
  }
  if (!Array.isArray(items)) return [];
  const violations: Violation[] = [];
  for (const item of items) {
    if (!isRecord(item)) continue;
    const location = Array.isArray(item.location) ? item.location.map(String) : [];
    if (location[0] !== 'request') continue;
    violations.push({
      location: location.join('.'),
      code: String(item.code ?? ''),
      message: String(item.message ?? ''),
    });
  }
  return violations;
}

/**
 * Prism answers a request it cannot route (no such path or method) with a problem+json body whose
 * type is `https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR`, without a violations header.
 */
export function parsePrismProblem(contentType: string | undefined, body: string): Violation | undefined {
  if (!contentType?.includes('application/problem+json')) return undefined;
  let problem: unknown;
  try {
    problem = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isRecord(problem) || typeof problem.type !== 'string') return undefined;
  const match = /^https:\/\/stoplight\.io\/prism\/errors#(\w+)$/.exec(problem.type);
  if (!match?.[1]) return undefined;
  const title = typeof problem.title === 'string' ? problem.title : match[1];
  const detail = typeof problem.detail === 'string' ? `: ${problem.detail}` : '';
  return { location: 'request', code: match[1], message: `${title}${detail}` };
}

function header(message: IncomingMessage, name: string): string | undefined {
  const value = message.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The client's headers for the upstream: its own `Host`, and no `Expect: 100-continue` (this proxy
 * already answered it; the body is streamed at once).
 */
function forwardedHeaders(incoming: IncomingMessage, host: string): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined && name !== 'expect') headers[name] = value;
  }
  return { ...headers, host };
}

/**
 * Starts a proxy to `upstream` (Prism, or a real deployment with a path prefix) on a free port;
 * `check` adds its violations to those of each request.
 */
export async function startRecordingProxy(upstream: string, check?: RequestCheck): Promise<RecordingProxy> {
  const target = new URL(upstream);
  const secure = target.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const basePath = target.pathname.replace(/\/+$/, '');
  const requests: RecordedRequest[] = [];
  const markers: Marker[] = [];
  let block = 0;

  const server: Server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const marker = markerPath.exec(path);
    if (marker) {
      block = Number(marker[1]);
      markers.push({ block, at: performance.now() });
      outgoing.writeHead(204).end();
      return;
    }
    const method = incoming.method ?? 'GET';
    const own = check?.(seenRequest(method, path, incoming.headers)) ?? [];
    const record = (status: number, violations: Violation[]) =>
      requests.push({ method, path, status, block, violations: [...own, ...violations] });
    const forwarded = send(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method,
        path: basePath + path,
        headers: forwardedHeaders(incoming, target.host),
        agent: secure ? agents.https : agents.http,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          outgoing.write(chunk);
        });
        answer.on('end', () => {
          const status = answer.statusCode ?? 0;
          const violations = parseViolationsHeader(header(answer, 'sl-violations'));
          if (violations.length === 0) {
            const problem = parsePrismProblem(
              header(answer, 'content-type'),
              Buffer.concat(chunks).toString('utf8'),
            );
            if (problem) violations.push(problem);
          }
          record(status, violations);
          outgoing.end();
        });
      },
    );
    forwarded.on('error', (error) => {
      record(502, [
        { location: 'proxy', code: 'upstream', message: `${upstream} unreachable: ${error.message}` },
      ]);
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`snippet proxy: ${upstream} unreachable: ${error.message}\n`);
    });
    incoming.pipe(forwarded);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    markers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
