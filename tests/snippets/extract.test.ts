import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { extractBlocks, parseFenceMeta } from '../../scripts/snippets/extract.ts';
import { splitFrontmatter } from '../../src/markdown/frontmatter.ts';

const fixture = new URL('../fixtures/snippets/extract/tabs.mdx', import.meta.url);

describe('extractBlocks', () => {
  test('finds blocks in prose, in JSX tabs and in lists, with page, line, title and meta (golden file)', async () => {
    const markdown = await readFile(fixture, 'utf8');
    const blocks = extractBlocks({ page: 'docs/tabs.mdx', markdown, sequence: true });
    const golden = blocks.map(({ page, line, lang, runtime, title, meta, code }) => ({
      page,
      line,
      lang,
      runtime: runtime ?? null,
      title: title ?? null,
      meta,
      code,
    }));
    await expect(`${JSON.stringify(golden, null, 2)}\n`).toMatchFileSnapshot(
      '../fixtures/snippets/extract/tabs.golden.json',
    );
  });

  test('line numbers count the frontmatter, so they are lines of the file', async () => {
    const markdown = await readFile(fixture, 'utf8');
    const [first] = extractBlocks({ page: 'docs/tabs.mdx', markdown, sequence: false });
    expect(markdown.split('\n')[(first?.line ?? 0) - 1]).toBe('```sh title="Check the API is up"');
  });

  test('a .md page is plain Markdown: JSX-looking text does not break it', () => {
    const markdown = 'Use <Tabs> {like this}.\n\n```bash\ncurl https://api.ocpplab.com/health\n```\n';
    const blocks = extractBlocks({ page: 'docs/plain.md', markdown, sequence: false });
    expect(blocks.map((block) => [block.line, block.runtime])).toEqual([[3, 'shell']]);
  });

  test('an MDX syntax error names the page and the line', () => {
    const markdown = '# Title\n\n<Tabs>\n\n```bash\necho\n```\n';
    expect(() => extractBlocks({ page: 'docs/broken.mdx', markdown, sequence: false })).toThrow(
      "docs/broken.mdx:3: cannot be parsed (Expected a closing tag for `<Tabs>` (3:1-3:7)); fix the page's syntax",
    );
  });
});

describe('parseFenceMeta', () => {
  test.each([
    { given: 'title="Create a location"', want: { title: 'Create a location' } },
    { given: "title='Single quotes'", want: { title: 'Single quotes' } },
    {
      given: 'no-run="fragment of the previous example"',
      want: { 'no-run': 'fragment of the previous example' },
    },
    { given: 'no-run', want: { 'no-run': true } },
    { given: 'frame=terminal {1,3} ins={2}', want: { frame: 'terminal', ins: '{2}' } },
    { given: '', want: {} },
    // As the reference twins write a title with quotes in it.
    { given: 'title="Say \\"hi\\" \\\\ bye"', want: { title: 'Say "hi" \\ bye' } },
  ])('reads `$given`', ({ given, want }) => {
    expect(parseFenceMeta(given)).toEqual(want);
  });
});

describe('splitFrontmatter', () => {
  test('reads the data and keeps one empty line per frontmatter line', () => {
    const { data, body } = splitFrontmatter('---\ntitle: A\nsnippets: sequence\n---\nBody\n');
    expect(data).toEqual({ title: 'A', snippets: 'sequence' });
    expect(body).toBe('\n\n\n\nBody\n');
  });

  test('a page without frontmatter is returned as it is', () => {
    expect(splitFrontmatter('# Title\n')).toEqual({ data: {}, body: '# Title\n' });
    // A byte-order mark before the frontmatter, as some editors save it, hides nothing.
    expect(splitFrontmatter('\uFEFF---\nsnippets: sequence\n---\nBody\n').data).toEqual({
      snippets: 'sequence',
    });
  });
});
