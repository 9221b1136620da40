import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { resolveSyncOptions, type SourceInput, type SyncOptions } from '../../scripts/sync/config.ts';

export const PROJECT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(PROJECT, 'tests/fixtures/sync');
/** The date written on changelog entries in tests. */
export const TODAY = new Date('2026-05-04T10:00:00Z');

type Json = Record<string, unknown>;

const temporary: string[] = [];

export async function tempDir(prefix = 'sync-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A project to sync into: empty, or with a copy of this project's openapi/ (never the real one). */
export async function tempProject({ withCommittedContract = false } = {}): Promise<string> {
  const root = await tempDir('sync-project-');
  await cp(path.join(PROJECT, 'redocly.yaml'), path.join(root, 'redocly.yaml'));
  if (withCommittedContract)
    await cp(path.join(PROJECT, 'openapi'), path.join(root, 'openapi'), { recursive: true });
  return root;
}

/** A source directory holding the given files (objects are written as JSON or YAML by extension). */
export async function tempSource(files: Record<string, string | Json>): Promise<string> {
  const dir = await tempDir('sync-source-');
  await writeFiles(dir, files);
  return dir;
}

export async function writeFiles(dir: string, files: Record<string, string | Json>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    const text =
      typeof content === 'string'
        ? content
        : file.endsWith('.json')
          ? `${JSON.stringify(content, null, 2)}\n`
          : stringify(content);
    await writeFile(target, text);
  }
}

/** Every file under a directory with its bytes, to prove a failed sync touched nothing. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = (await readFile(file)).toString('base64');
  }
  return files;
}

export function options(
  root: string,
  cli: SourceInput & { check?: boolean; dryRun?: boolean } = {},
): SyncOptions {
  return resolveSyncOptions({ root, cwd: root, cli, today: TODAY });
}

/** A small contract that passes Redocly's recommended rules; `edit` changes a copy of it. */
export function contract(edit: (doc: Json & { paths: Json; components: Json }) => void = () => {}): Json {
  const doc = {
    openapi: '3.1.0',
    info: { title: 'Fixture API', version: '1.0.0', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: 'https://api.fixture.test' }],
    security: [{ bearer: [] }],
    paths: {
      '/things': {
        get: {
          operationId: 'listThings',
          summary: 'List things',
          parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
          responses: {
            '200': {
              description: 'The things.',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
                },
              },
            },
            '401': { description: 'No token.' },
          },
        },
        post: {
          operationId: 'createThing',
          summary: 'Create a thing',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingCreate' } } },
          },
          responses: {
            '201': {
              description: 'Created.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            '422': { description: 'Invalid body.' },
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'status'],
          properties: {
            id: { type: 'string' },
            status: { $ref: '#/components/schemas/Status' },
            size: { type: 'integer' },
          },
        },
        ThingCreate: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, color: { type: 'string', enum: ['red', 'green'] } },
        },
        Status: { type: 'string', enum: ['on', 'off'] },
      },
    },
  };
  const copy = structuredClone(doc);
  edit(copy);
  return copy;
}
