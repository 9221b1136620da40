import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ParseError, parse as parseJson, printParseErrorCode } from 'jsonc-parser';
import { LineCounter, parseDocument } from 'yaml';
import { SyncError } from './errors.ts';

/** The contract's root file, parsed and known to be OpenAPI 3.0, 3.1 or 3.2. */
export interface Loaded {
  /** Absolute path, for the bundler to resolve relative `$ref`s from. */
  absolutePath: string;
  /** The path as printed in messages: relative to the source. */
  file: string;
  text: string;
  document: Record<string, unknown>;
  /** The `openapi` field, e.g. `3.1.0`. */
  openapi: string;
}

export async function loadContract(sourceDir: string, file: string, from: string): Promise<Loaded> {
  const absolutePath = path.resolve(sourceDir, file);
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SyncError(
      file,
      code === 'EISDIR' ? `is a directory in ${from}` : `no such file in ${from}`,
      'pass --path with the contract file inside the source (JSON or YAML; default openapi/openapi.json)',
    );
  }
  return { absolutePath, file, text, ...parseContract(text, file) };
}

/** Parse JSON or YAML (by extension) and check that it is an OpenAPI 3.0/3.1/3.2 document. Pure. */
function parseContract(text: string, file: string): Pick<Loaded, 'document' | 'openapi'> {
  if (text.trim() === '') {
    throw new SyncError(
      file,
      'the file is empty',
      'point --path at the contract, or restore the file in the source',
    );
  }
  const value = isJson(file, text) ? parseJsonText(text, file) : parseYamlText(text, file);
  return checkOpenApi(value, file);
}

function isJson(file: string, text: string): boolean {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return true;
  if (extension === '.yaml' || extension === '.yml') return false;
  return text.trimStart().startsWith('{');
}

function lineColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

function parseJsonText(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJson(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first !== undefined) {
    const { line, col } = lineColumn(text, first.offset);
    // 'PropertyNameExpected' → 'property name expected'
    const what = printParseErrorCode(first.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    throw new SyncError(
      `${file}:${line}:${col}`,
      `JSON syntax error: ${what}`,
      `correct the JSON at line ${line}, column ${col}`,
    );
  }
  return value;
}

function parseYamlText(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = document.errors[0];
  if (first !== undefined) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new SyncError(
      `${file}:${line}:${col}`,
      `YAML syntax error: ${first.message}`,
      `correct the YAML at line ${line}, column ${col}`,
    );
  }
  return document.toJS();
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'empty';
  return `a ${typeof value}`;
}

function checkOpenApi(value: unknown, file: string): Pick<Loaded, 'document' | 'openapi'> {
  if (value === null || value === undefined) {
    throw new SyncError(
      file,
      'the file is empty',
      'point --path at the contract, or restore the file in the source',
    );
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new SyncError(
      file,
      `not an OpenAPI document (the top level is ${describe(value)}, not an object)`,
      'point --path at an OpenAPI 3.0, 3.1 or 3.2 contract',
    );
  }
  const document = value as Record<string, unknown>;
  if ('swagger' in document) {
    throw new SyncError(
      file,
      `Swagger ${String(document.swagger)} is not supported`,
      'convert the contract to OpenAPI 3 (for example with swagger2openapi) in the source, then sync again',
    );
  }
  if (!('openapi' in document)) {
    throw new SyncError(
      file,
      'not an OpenAPI document (no "openapi" field at the top level)',
      'point --path at an OpenAPI 3.0, 3.1 or 3.2 contract',
    );
  }
  const openapi = document.openapi;
  if (typeof openapi !== 'string' || !/^3\.[012]\.\d+$/.test(openapi)) {
    throw new SyncError(
      `${file}: #/openapi`,
      `OpenAPI ${JSON.stringify(openapi)} is not supported`,
      'sync an OpenAPI 3.0.x, 3.1.x or 3.2.x contract',
    );
  }
  return { document, openapi };
}
