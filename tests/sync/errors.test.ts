import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSyncOptions } from '../../scripts/sync/config.ts';
import { errorLines } from '../../scripts/sync/errors.ts';
import { sync } from '../../scripts/sync/sync.ts';
import { contract, options, removeTempDirs, snapshot, tempDir, tempProject, tempSource } from './helpers.ts';

type Json = Record<string, unknown>;

afterAll(removeTempDirs);

/** The end of every lint refusal: how to go on. */
const ADOPT =
  'correct the contract in the source; or set those rules to warn or off in redocly.yaml, each with a reason comment; or adopt the contract as it is with `npm run sync -- --lint warn` (or "sync": { "lint": "warn" } in ocpplab-docs.config.json), which prints them as warnings';

/** The list operation's 200 schema, to point it somewhere else. */
function listSchema(ref: string) {
  return (doc: Json & { paths: Json }) => {
    const get = (doc.paths['/things'] as Json).get as Json;
    const ok = (get.responses as Json)['200'] as Json;
    ok.content = { 'application/json': { schema: { $ref: ref } } };
  };
}

interface BadInput {
  given: string;
  source: () => Promise<string>;
  path?: string;
  /** The error lines, `{source}` standing for the source directory. */
  want: string[];
}

const badInputs: BadInput[] = [
  {
    given: 'a JSON syntax error',
    source: () => tempSource({ 'openapi/openapi.json': '{\n  "openapi": "3.1.0",\n  "info": }\n' }),
    want: [
      'openapi/openapi.json:3:11: JSON syntax error: value expected. Fix: correct the JSON at line 3, column 11.',
    ],
  },
  {
    given: 'a YAML syntax error',
    source: () => tempSource({ 'openapi.yaml': 'openapi: 3.1.0\ninfo: {title: x\npaths: {}\n' }),
    path: 'openapi.yaml',
    want: [
      'openapi.yaml:3:1: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }. Fix: correct the YAML at line 3, column 1.',
    ],
  },
  {
    given: 'a YAML syntax error in a referenced file',
    source: () =>
      tempSource({
        'schemas/thing.yaml': 'type: object\nproperties:\n  id: [1, 2\n  x: 3\n',
        'openapi/openapi.yaml': contract(listSchema('../schemas/thing.yaml')),
      }),
    path: 'openapi/openapi.yaml',
    want: [
      'schemas/thing.yaml:4:3: YAML syntax error: deficient indentation. Fix: correct the YAML at line 4, column 3.',
      "openapi/openapi.yaml:29:17: $ref '../schemas/thing.yaml' at #/paths/~1things/get/responses/200/content/application~1json/schema cannot be resolved (schemas/thing.yaml:4:3 cannot be parsed: deficient indentation). Fix: correct the $ref, or add what it points to.",
    ],
  },
  {
    given: 'an unresolvable $ref inside the file',
    source: () => tempSource({ 'openapi/openapi.json': contract(listSchema('#/components/schemas/Thng')) }),
    want: [
      "openapi/openapi.json:41:27: $ref '#/components/schemas/Thng' at #/paths/~1things/get/responses/200/content/application~1json/schema cannot be resolved (its target does not exist). Fix: correct the $ref, or add what it points to.",
    ],
  },
  {
    given: 'a $ref to a missing file',
    source: () => tempSource({ 'openapi/openapi.yaml': contract(listSchema('./schemas/thing.yaml')) }),
    path: 'openapi/openapi.yaml',
    want: [
      "openapi/openapi.yaml:29:17: $ref './schemas/thing.yaml' at #/paths/~1things/get/responses/200/content/application~1json/schema cannot be resolved (no such file: openapi/schemas/thing.yaml). Fix: correct the $ref, or add what it points to.",
    ],
  },
  {
    given: 'a Swagger 2.0 document',
    source: () => tempSource({ 'openapi/openapi.json': { swagger: '2.0', info: {}, paths: {} } }),
    want: [
      'openapi/openapi.json: Swagger 2.0 is not supported. Fix: convert the contract to OpenAPI 3 (for example with swagger2openapi) in the source, then sync again.',
    ],
  },
  {
    given: 'a JSON file that is not OpenAPI',
    source: () => tempSource({ 'openapi/openapi.json': { name: 'ocpplab', version: '1.0.0' } }),
    want: [
      'openapi/openapi.json: not an OpenAPI document (no "openapi" field at the top level). Fix: point --path at an OpenAPI 3.0, 3.1 or 3.2 contract.',
    ],
  },
  {
    given: 'a JSON list',
    source: () => tempSource({ 'openapi/openapi.json': '[1]\n' }),
    want: [
      'openapi/openapi.json: not an OpenAPI document (the top level is a list, not an object). Fix: point --path at an OpenAPI 3.0, 3.1 or 3.2 contract.',
    ],
  },
  {
    given: 'an OpenAPI version other than 3.0, 3.1 or 3.2',
    source: () =>
      tempSource({ 'openapi/openapi.json': contract((doc) => Object.assign(doc, { openapi: '4.0.0' })) }),
    want: [
      'openapi/openapi.json: #/openapi: OpenAPI "4.0.0" is not supported. Fix: sync an OpenAPI 3.0.x, 3.1.x or 3.2.x contract.',
    ],
  },
  {
    given: 'an empty file',
    source: () => tempSource({ 'openapi/openapi.json': '\n' }),
    want: [
      'openapi/openapi.json: the file is empty. Fix: point --path at the contract, or restore the file in the source.',
    ],
  },
  {
    given: 'a structurally invalid document',
    source: () =>
      tempSource({
        'openapi/openapi.json': contract((doc) => {
          ((doc.paths['/things'] as Json).get as Json).responses = 'none';
        }),
      }),
    want: [
      'openapi/openapi.json:36:22: #/paths/~1things/get/responses: Expected type `Responses` (object) but got `string` (rule struct). Fix: change the value at that place in the source so that it matches the OpenAPI specification.',
    ],
  },
  {
    given: 'a lint error from the recommended rules',
    source: () =>
      tempSource({ 'openapi/openapi.json': contract((doc) => Object.assign(doc, { servers: [] })) }),
    want: [
      'openapi/openapi.json:11:3: #/servers: Servers must be a non-empty array. (rule no-empty-servers). Fix: correct the contract in the source; if the rule does not fit it, set "no-empty-servers" to warn or off in redocly.yaml with a reason comment.',
      `openapi/openapi.json: refused for 1 lint error (by rule: no-empty-servers 1). Fix: ${ADOPT}.`,
    ],
  },
];

describe('a bad input', () => {
  it.each(badInputs)(
    'is rejected with a message naming the file, the place and the fix: $given',
    async (bad) => {
      const root = await tempProject({ withCommittedContract: true });
      const before = await snapshot(root);
      const source = await bad.source();
      const failure = await sync(
        options(root, { from: source, ...(bad.path !== undefined && { path: bad.path }) }),
      ).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(errorLines(failure)).toEqual(bad.want);
      expect(await snapshot(root)).toEqual(before);
    },
  );

  it('is rejected when the contract file is missing', async () => {
    const root = await tempProject({ withCommittedContract: true });
    const before = await snapshot(root);
    const source = await tempSource({ 'README.md': 'No contract here.\n' });
    await expect(sync(options(root, { from: source }))).rejects.toThrow(
      `openapi/openapi.json: no such file in ${source}. Fix: pass --path with the contract file inside the source (JSON or YAML; default openapi/openapi.json).`,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('is rejected when the source directory does not exist', async () => {
    const root = await tempProject({ withCommittedContract: true });
    const before = await snapshot(root);
    const missing = path.join(await tempDir(), 'nope');
    await expect(sync(options(root, { from: missing }))).rejects.toThrow(
      `${missing}: no such directory. Fix: pass --from an existing directory or a git URL (file://, https://, ssh).`,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('is rejected when the repository is unreachable', async () => {
    const root = await tempProject({ withCommittedContract: true });
    const before = await snapshot(root);
    const url = `file://${await tempDir()}/missing.git`;
    await expect(sync(options(root, { from: url }))).rejects.toThrow(
      `${url}: cannot fetch the default branch (fatal: '${url.slice('file://'.length)}' does not appear to be a git repository). Fix: check that --from is a reachable git repository or an existing directory, and that --ref exists in it.`,
    );
    expect(await snapshot(root)).toEqual(before);
  });
});

describe('the options', () => {
  it('say how to give a source when none is configured', () => {
    expect(() => resolveSyncOptions({ root: '/project', file: {} })).toThrow(
      'npm run sync: no contract source is configured. Fix: pass one with `npm run sync -- --from <directory | git URL>`, or set "sync": { "from": "…" } in ocpplab-docs.config.json.',
    );
  });

  it('name the config file when its "sync" key is malformed', () => {
    expect(() => resolveSyncOptions({ root: '/project', file: { sync: { from: 42 } } })).toThrow(
      'ocpplab-docs.config.json: sync.from: Invalid input: expected string, received number. Fix: set "sync" to an object with "from" (string), optional "ref", "path" and "lint" ("error" or "warn").',
    );
  });

  it('resolve a source from the config file against the project root, and one from the command line against the shell', () => {
    const given = { root: '/work/project', cwd: '/work/project/sub/dir' };
    const fromFile = resolveSyncOptions({ ...given, file: { sync: { from: '../sdk' } } });
    const fromCli = resolveSyncOptions({ ...given, cli: { from: '../sdk' } });
    expect(fromFile).toMatchObject({ from: '../sdk', location: '/work/sdk', remote: false, ref: null });
    expect(fromFile.path).toBe('openapi/openapi.json');
    expect(fromCli).toMatchObject({ from: '../sdk', location: '/work/project/sub/sdk' });
  });

  it('treat URLs as git remotes', () => {
    const remote = resolveSyncOptions({
      root: '/project',
      cli: { from: 'file:///srv/sdk.git', ref: 'v1.6.0' },
    });
    expect(remote).toMatchObject({ location: 'file:///srv/sdk.git', remote: true, ref: 'v1.6.0' });
    expect(resolveSyncOptions({ root: '/p', cli: { from: 'git@github.com:acme/sdk.git' } }).remote).toBe(
      true,
    );
  });
});

describe('the lint policy', () => {
  /** Twelve operations without a summary, on servers that are all empty: 13 lint errors, 2 rules. */
  const sloppy = () =>
    contract((doc) => {
      doc.servers = [];
      for (let i = 0; i < 12; i += 1) {
        doc.paths[`/extra/${i}`] = {
          get: {
            operationId: `extra${i}`,
            responses: { '200': { description: 'OK.' }, '400': { description: 'No.' } },
          },
        };
      }
    });

  it('refuses a contract with many lint errors in a few lines: ten findings, then the counts by rule and how to adopt it', async () => {
    const root = await tempProject({ withCommittedContract: true });
    const before = await snapshot(root);
    const source = await tempSource({ 'openapi/openapi.json': sloppy() });
    const failure = await sync(options(root, { from: source })).then(
      () => undefined,
      (error: unknown) => error,
    );
    const lines = errorLines(failure) ?? [];
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe(
      `openapi/openapi.json: refused for 13 lint errors, 3 of them not listed above (by rule: operation-summary 12, no-empty-servers 1). Fix: ${ADOPT}.`,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('syncs the same contract with --lint warn, printing the warnings counted by rule', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': sloppy() });
    const lines: string[] = [];
    const result = await sync(options(root, { from: source, lint: 'warn' }), (line) => lines.push(line));
    expect(result.warnings).toHaveLength(13);
    expect(lines).toContain(
      'warning: … and 3 more; 13 warnings by rule: operation-summary 12, no-empty-servers 1',
    );
    expect(result.outputs.find((o) => o.path === 'openapi/openapi.json')?.status).toBe('new');
  });

  it('takes the policy from the config file, the command line winning', () => {
    const file = { sync: { from: '../sdk', lint: 'warn' } };
    expect(resolveSyncOptions({ root: '/p', file }).lint).toBe('warn');
    expect(resolveSyncOptions({ root: '/p', file, cli: { lint: 'error' } }).lint).toBe('error');
    expect(resolveSyncOptions({ root: '/p', cli: { from: '../sdk' } }).lint).toBe('error');
  });

  it('counts a property the specification does not define (3.0 `nullable` in 3.1) as lint, not structure', async () => {
    const source = await tempSource({
      'openapi/openapi.json': contract((doc) => {
        ((doc.components.schemas as Json).Thing as Json & { properties: Json }).properties.size = {
          type: 'integer',
          nullable: true,
        };
      }),
    });
    const refused = await sync(options(await tempProject(), { from: source })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(errorLines(refused)?.at(-1)).toBe(
      `openapi/openapi.json: refused for 1 lint error (by rule: struct 1). Fix: ${ADOPT}.`,
    );
    const result = await sync(options(await tempProject(), { from: source, lint: 'warn' }));
    expect(result.warnings).toEqual([
      expect.stringContaining(
        '/properties/size/nullable: Property `nullable` is not expected here. (rule struct)',
      ),
    ]);
  });

  it('still stops on structural problems under --lint warn', async () => {
    const root = await tempProject({ withCommittedContract: true });
    const before = await snapshot(root);
    const source = await tempSource({
      'openapi/openapi.json': contract((doc) => {
        ((doc.paths['/things'] as Json).get as Json).responses = 'none';
      }),
    });
    await expect(sync(options(root, { from: source, lint: 'warn' }))).rejects.toThrow(
      'openapi/openapi.json:36:22: #/paths/~1things/get/responses: Expected type `Responses` (object) but got `string` (rule struct).',
    );
    expect(await snapshot(root)).toEqual(before);
  });
});

describe('the types stage', () => {
  it('accepts discriminator mappings that name schemas (OpenAPI allows `Cat` for `#/components/schemas/Cat`)', async () => {
    const root = await tempProject();
    const source = await tempSource({
      'openapi/openapi.json': contract((doc) => {
        const schemas = doc.components.schemas as Json;
        schemas.Cat = { type: 'object', properties: { kind: { type: 'string' } } };
        schemas.Pet = {
          oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Thing' }],
          discriminator: {
            propertyName: 'kind',
            mapping: { cat: 'Cat', thing: '#/components/schemas/Thing' },
          },
        };
        ((doc.paths['/things'] as Json).get as Json).responses = {
          '200': {
            description: 'OK.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
          '401': { description: 'No token.' },
        };
      }),
    });
    const result = await sync(options(root, { from: source }));
    expect(result.outputs.find((o) => o.path === 'src/generated/ocpplab.d.ts')?.content).toContain('Pet:');
  });

  it('stops with the pointer and the reason when openapi-typescript cannot make the types, writing nothing', async () => {
    const root = await tempProject({ withCommittedContract: true });
    const before = await snapshot(root);
    const source = await tempSource({
      'openapi/openapi.json': contract((doc) => {
        const things = doc.paths['/things'] as Json;
        (things.post as Json).operationId = 'listThings';
      }),
    });
    const failure = await sync(options(root, { from: source, lint: 'warn' })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(errorLines(failure)).toEqual([
      'openapi/openapi.json: #/paths/~1things/post/operationId: TypeScript types cannot be generated: operationId "listThings" is also the one of GET /things. Fix: give every operation a unique operationId in the source (the types name operations by it), then sync again.',
    ]);
    expect(await snapshot(root)).toEqual(before);
  });
});
