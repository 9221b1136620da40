import { describe, expect, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { llmsTxt } from '../../src/markdown/llms.ts';
import type { TwinContext, TwinPage } from '../../src/markdown/page.ts';
import { loadModel } from '../../src/model/load.ts';
import { referencePages } from '../../src/model/pages.ts';
import { parseLlmsTxt } from './llms-txt.ts';

const config = resolveSiteConfig(
  { site: 'https://docs.ocpplab.com', contractPath: 'openapi/openapi.json' },
  {},
);
const model = loadModel(config.contractPath, config);
const context: TwinContext = { site: config.site, model, mode: 'page', guideSource: () => undefined };
const guides: TwinPage[] = [
  {
    kind: 'guide',
    slug: '',
    title: 'OCPPLAB Gateway',
    description: 'Welcome.',
    sourcePath: 'docs/index.mdx',
  },
];
const input = {
  title: 'OCPPLAB Gateway',
  summary: 'Simulated charge points.',
  guides,
  reference: referencePages(model),
};

describe('the llms.txt validator', () => {
  it('accepts a file in the reference shape', () => {
    const { file, problems } = parseLlmsTxt(
      '# Site\n\n> One line.\n\nSome text.\n\n## Docs\n\n- [A](https://x/a.md): about A\n- [B](https://x/b.md)\n',
    );
    expect(problems).toEqual([]);
    expect(file?.sections).toEqual([
      {
        name: 'Docs',
        links: [
          { title: 'A', url: 'https://x/a.md', description: 'about A' },
          { title: 'B', url: 'https://x/b.md' },
        ],
      },
    ]);
  });

  it('rejects prose inside a section, a missing H1 and deeper headings', () => {
    expect(parseLlmsTxt('## Docs\n').problems).toEqual([
      'line 1: the file must start with an H1 (`# Site name`).',
    ]);
    expect(parseLlmsTxt('# S\n\n## Docs\n\nSome prose.\n').problems).toEqual([
      'line 5: a section holds only link items `- [Title](url): description` ("Some prose.").',
    ]);
    expect(parseLlmsTxt('# S\n\n### Deep\n\n## Docs\n\n- [A](u)\n').problems).toEqual([
      'line 3: only H2 sections may follow the introduction ("### Deep").',
    ]);
  });
});

describe('/llms.txt', () => {
  it('lists Docs, one section per reference group, then Optional', () => {
    const { file, problems } = parseLlmsTxt(llmsTxt(input, context));
    expect(problems).toEqual([]);
    expect(file?.sections.map((section) => section.name)).toEqual([
      'Docs',
      ...model.groups.map((g) => g.name),
      'Optional',
    ]);
    expect(file?.summary).toBe('Simulated charge points.');
  });

  it('links the section indexes instead of every page when the full list would pass the limit', () => {
    const text = llmsTxt(input, context, 2_000);
    const { file, problems } = parseLlmsTxt(text);
    expect(problems).toEqual([]);
    expect(
      file?.sections.find((section) => section.name === 'Core Resources')?.links.map((link) => link.url),
    ).toEqual(['https://docs.ocpplab.com/api-reference/core-resources/llms.txt']);
    expect(text).toContain('https://docs.ocpplab.com/api-reference/llms.txt');
  });

  it('stays under 50,000 characters for the committed contract', () => {
    expect(llmsTxt(input, context).length).toBeLessThan(50_000);
  });
});
