/** Load: the contract file → its parsed document and documented base URL (the one I/O of this stage). */
import { readFile } from 'node:fs/promises';

export type ContractDocument = Readonly<Record<string, unknown>>;

export interface Contract {
  /** Path as given, for messages: `openapi/openapi.json`. */
  path: string;
  document: ContractDocument;
  /** `servers[0].url` without a trailing slash: the only text the runner rewrites in a block. */
  baseUrl: string;
  /** `3.0` or `3.1`, which decides the JSON Schema dialect of its schemas. */
  version: '3.0' | '3.1';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates the parts of the contract the runner relies on; names the field and the fix on failure. */
export function parseContract(path: string, text: string): Contract {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: is not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(document)) throw new Error(`${path}: must hold a JSON object (an OpenAPI document)`);
  const openapi = document.openapi;
  const version = typeof openapi === 'string' ? /^3\.(0|1)\./.exec(openapi)?.[1] : undefined;
  if (version === undefined) {
    throw new Error(
      `${path}: unsupported OpenAPI version ${JSON.stringify(openapi)}; use OpenAPI 3.0 or 3.1`,
    );
  }
  const servers = document.servers;
  const first: unknown = Array.isArray(servers) ? servers[0] : undefined;
  const url = isRecord(first) ? first.url : undefined;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    throw new Error(
      `${path}: servers[0].url must be the documented absolute base URL (https://…); the snippet runner points it at the test server`,
    );
  }
  return { path, document, baseUrl: url.replace(/\/+$/, ''), version: version === '0' ? '3.0' : '3.1' };
}

/** Reads the contract at `file`; messages name it `name` (a path relative to the project). */
export async function loadContract(file: string, name = file): Promise<Contract> {
  return parseContract(name, await readFile(file, 'utf8'));
}
