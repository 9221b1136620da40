import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sync } from '../../scripts/sync/sync.ts';
import { options, PROJECT, removeTempDirs, tempProject } from './helpers.ts';

afterAll(removeTempDirs);

const FIXTURES = path.join(PROJECT, 'tests/fixtures/contracts');

async function syncFixture(file: string) {
  const root = await tempProject();
  const result = await sync(options(root, { from: FIXTURES, path: file, lint: 'warn' }));
  const written = (name: string) => readFile(path.join(root, name), 'utf8');
  return { result, written };
}

describe('contracts the sync must take', () => {
  it('an OpenAPI 3.2 document syncs, types included', async () => {
    const { written } = await syncFixture('crafted-openapi-3.2.yaml');
    const contract = JSON.parse(await written('openapi/openapi.json'));
    expect(contract.openapi).toBe('3.2.0');
    expect(Object.keys(contract.paths['/books'])).toEqual(['get', 'query', 'additionalOperations']);
    expect(await written('src/generated/ocpplab.d.ts')).toContain('listBooks');
  });

  it('$ref keys inside examples and extensions are kept as data, not followed', async () => {
    const { written } = await syncFixture('crafted-ref-keys-in-examples-3.1.yaml');
    const contract = JSON.parse(await written('openapi/openapi.json'));
    const get = contract.paths['/schemas/{name}'].get;
    expect(get['x-codegen']).toEqual({ $ref: './codegen-settings.json' });
    expect(get.responses['200'].content['application/json'].example.document).toEqual({
      $ref: 'https://schemas.example.test/address.json',
    });
    expect(contract.components.schemas.StoredSchema.properties.document.example).toEqual({
      $ref: '#/not/a/pointer',
    });
    expect(await written('src/generated/ocpplab.d.ts')).toContain('"$ref": "#/not/a/pointer"');
  });

  it('a contract with circular schemas and schema-name discriminator mappings syncs', async () => {
    for (const file of ['readme-schema-circular.json', 'readme-discriminators.json']) {
      const { result } = await syncFixture(file);
      expect(result.outputs.map((output) => output.status)).not.toContain('unchanged');
    }
  });
});
