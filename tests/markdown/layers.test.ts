import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/** `from '…'` specifiers of every TypeScript file of a folder of src/. */
function imports(folder: string): { file: string; from: string }[] {
  return readdirSync(join(SRC, folder))
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) =>
      [...readFileSync(join(SRC, folder, name), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => ({
        file: `${folder}/${name}`,
        from: match[1] ?? '',
      })),
    );
}

describe('the layers of the renderers', () => {
  it('keeps the twins off the HTML renderer: src/markdown imports nothing from src/render or src/components', () => {
    const wrong = imports('markdown').filter(({ from }) => /\.\.\/(render|components)\//.test(from));
    expect(wrong).toEqual([]);
  });

  it('keeps the view layer below both renderers: src/view imports neither of them', () => {
    const wrong = imports('view').filter(({ from }) => /\.\.\/(render|markdown|components)\//.test(from));
    expect(wrong).toEqual([]);
  });
});
