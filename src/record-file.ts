/**
 * The JSON records the sync keeps beside the contract (openapi/urls.json, openapi/history.json):
 * read and checked one way, so a broken record names its file, the place and the fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { FileError } from './file-error.ts';

/** A record sits beside the contract: `openapi/<name>` for `openapi/openapi.json`. */
export function recordPath(contractPath: string, name: string): string {
  return join(dirname(contractPath), name);
}

/** The URL record beside the contract: `openapi/urls.json` for `openapi/openapi.json` (src/urls.ts). */
export function urlRecordPath(contractPath: string): string {
  return recordPath(contractPath, 'urls.json');
}

/** The history record beside the contract: `openapi/history.json` for `openapi/openapi.json` (src/history.ts). */
export function historyPath(contractPath: string): string {
  return recordPath(contractPath, 'history.json');
}

const fixFor = (file: string) =>
  `restore it with \`git checkout ${file}\`; \`npm run sync\` writes this file`;

/** Checks a record's text against its schema; `what` names the record in a message. */
export function parseRecord<Schema extends z.ZodType>(
  text: string,
  file: string,
  schema: Schema,
  what: string,
): z.infer<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FileError(file, `not JSON (${(error as Error).message})`, fixFor(file));
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue === undefined ? '' : `/${issue.path.map(String).join('/')}`;
    throw new FileError(`${file}${at}`, issue?.message ?? `not ${what}`, fixFor(file));
  }
  return parsed.data;
}

/** The record at `file`, or `empty` when there is none (fixture and benchmark contracts). */
export function readRecord<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  what: string,
  empty: z.infer<Schema>,
): z.infer<Schema> {
  return existsSync(file) ? parseRecord(readFileSync(file, 'utf8'), file, schema, what) : empty;
}
