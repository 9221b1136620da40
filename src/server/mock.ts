/**
 * The mock of the contract behind the "Try it" console: `npm start` runs Prism as a child
 * process and this module answers `/_mock/…` by passing each request to it, so the console
 * calls a same-origin URL (no CORS) and readers see Prism's real validation errors.
 * `/_ocpplab/mock.json` tells the console whether the mock is there.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

export const MOCK_PATH = '/_mock';
export const MOCK_STATUS_PATH = '/_ocpplab/mock.json';
/** Largest request body passed to the mock. */
const MAX_MOCK_BODY = 1024 * 1024;
/** How long the mock may take to answer one request. */
const MOCK_TIMEOUT_MS = 15_000;

/** Headers that describe one connection, not the request: never passed on (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
]);

type State = { kind: 'starting' } | { kind: 'ready'; url: string } | { kind: 'failed'; reason: string };

/** A mock that may still be starting: requests get 503 until it listens. */
export class MockGateway {
  #state: State = { kind: 'starting' };

  /** Follows a starting mock: `started` resolves to its base URL once it listens. */
  attach(started: Promise<string>): void {
    started.then(
      (url) => {
        this.#state = { kind: 'ready', url };
      },
      (error: unknown) => {
        this.#state = {
          kind: 'failed',
          reason: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
        };
      },
    );
  }

  get ready(): boolean {
    return this.#state.kind === 'ready';
  }

  /** `GET /_ocpplab/mock.json`: where the mock is and whether it answers yet. */
  status(res: ServerResponse): void {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(
      JSON.stringify({
        url: MOCK_PATH,
        state: this.#state.kind,
        ...(this.#state.kind === 'failed' ? { reason: this.#state.reason } : {}),
      }),
    );
  }

  /** Passes one request below `/_mock` to the mock and its answer back. */
  forward(req: IncomingMessage, res: ServerResponse): void {
    const state = this.#state;
    if (state.kind !== 'ready') {
      const starting = state.kind === 'starting';
      if (starting) res.setHeader('Retry-After', '5');
      problem(
        res,
        starting ? 503 : 502,
        starting
          ? 'The mock of the contract is still starting; send again in a few seconds.'
          : `The mock of the contract could not start (${state.reason}). Restart 'npm start'.`,
      );
      req.resume();
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_MOCK_BODY) {
      problem(res, 413, `The request body is larger than ${MAX_MOCK_BODY} bytes; the mock takes less.`);
      req.resume();
      return;
    }
    const target = new URL((req.url ?? '/').slice(MOCK_PATH.length) || '/', state.url);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    const upstream = httpRequest(
      target,
      { method: req.method, headers, timeout: MOCK_TIMEOUT_MS },
      (answer: IncomingMessage) => {
        res.statusCode = answer.statusCode ?? 502;
        for (const [name, value] of Object.entries(answer.headers))
          if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
        res.setHeader('Cache-Control', 'no-store');
        answer.pipe(res);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', (error) => {
      if (res.headersSent) res.destroy();
      else
        problem(
          res,
          error.message === 'timeout' ? 504 : 502,
          error.message === 'timeout'
            ? `The mock did not answer within ${MOCK_TIMEOUT_MS / 1000} s.`
            : "The mock of the contract is not answering. Restart 'npm start'.",
        );
    });
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_MOCK_BODY) {
        upstream.destroy();
        req.destroy();
      }
    });
    req.pipe(upstream);
  }
}

/** An error of the gateway itself, as RFC 9457 problem details. */
function problem(res: ServerResponse, status: number, detail: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/problem+json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({ title: 'Mock unavailable', status, detail }));
}
