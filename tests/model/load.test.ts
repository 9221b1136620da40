import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { MODEL_OPTIONS } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocpplab-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a contract file with a broken $ref', () => {
  it('names the file, the ref and the operation that uses it, and what to do', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Broken', version: '1' },
        paths: {
          '/things': {
            get: {
              responses: {
                '200': {
                  description: 'OK',
                  content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } },
                },
              },
            },
          },
        },
      }),
    );
    expect(() => loadModel(file, MODEL_OPTIONS)).toThrow(
      `${file}: $ref '#/components/schemas/Nope' at #/paths/~1things/get cannot be resolved. Correct the $ref in the contract (for the synced one, in the SDK repository, then run 'npm run sync').`,
    );
  });
});
