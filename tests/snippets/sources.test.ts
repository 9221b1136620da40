import { describe, expect, it } from 'vitest';
import { loadContract } from '../../scripts/snippets/contract.ts';
import { extractBlocks } from '../../scripts/snippets/extract.ts';
import { referenceSnippetSources } from '../../scripts/snippets/sources.ts';

describe('the generated reference as snippet sources', async () => {
  const contract = await loadContract('openapi/openapi.json');
  const sources = referenceSnippetSources(contract);
  const operations = Object.values(
    contract.document.paths as Record<string, Record<string, unknown>>,
  ).flatMap((item) =>
    Object.keys(item).filter((key) => ['get', 'put', 'post', 'delete', 'patch'].includes(key)),
  );

  it('gives one page per operation and webhook, named by its Markdown twin', () => {
    const webhooks = Object.keys(contract.document.webhooks as Record<string, unknown>);
    expect(sources).toHaveLength(operations.length + webhooks.length);
    expect(sources.map((source) => source.page)).toContain('api-reference/core-resources/chargers/create.md');
    expect(sources.every((source) => !source.sequence)).toBe(true);
  });

  it('yields a curl, a Python and a TypeScript block for every operation', () => {
    const languages = sources
      .filter((source) => !source.page.includes('/webhooks/'))
      .map((source) =>
        extractBlocks(source)
          .filter((block) => ['bash', 'python', 'ts'].includes(block.lang))
          .map((block) => block.lang)
          .join(' '),
      );
    expect(languages).toHaveLength(operations.length);
    expect(new Set(languages)).toEqual(new Set(['bash python ts']));
  });
});
