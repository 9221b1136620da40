import { describe, expect, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import type { SchemaNode } from '../../src/model/types.ts';
import { renderMarkdown, renderWithPipeline } from '../../src/render/markdown-html.ts';

describe('renderMarkdown', () => {
  const cases: { given: string; want: string }[] = [
    { given: 'Hello **world**', want: '<p>Hello <strong>world</strong></p>' },
    { given: 'Run <script>alert(1)</script> now', want: '<p>Run alert(1) now</p>' },
    { given: '<img src=x onerror="alert(1)">', want: '' },
    { given: '<a href="https://x.example" onclick="steal()">x</a>', want: '<p>x</p>' },
    { given: '[click](javascript:alert(1))', want: '<p><a>click</a></p>' },
    { given: '[click](JaVaScRiPt:alert(1))', want: '<p><a>click</a></p>' },
    { given: '[docs](https://docs.example.com)', want: '<p><a href="https://docs.example.com">docs</a></p>' },
    {
      given: '```html\n</script><script>alert(1)</script>\n```',
      want: '<pre><code class="language-html">&#x3C;/script>&#x3C;script>alert(1)&#x3C;/script>\n</code></pre>',
    },
  ];
  for (const { given, want } of cases) {
    it(`renders ${JSON.stringify(given)} safely`, () => {
      expect(renderMarkdown(given).html).toBe(want);
    });
  }

  it('shifts headings below the section they sit in and gives them unique ids', () => {
    const { html, headings } = renderMarkdown('## Errors\n\ntext\n\n## Errors', {
      headingOffset: 1,
      idPrefix: 'd-',
    });
    expect(html).toBe('<h3 id="d-errors">Errors</h3>\n<p>text</p>\n<h3 id="d-errors-2">Errors</h3>');
    expect(headings).toEqual([
      { depth: 3, slug: 'd-errors', text: 'Errors' },
      { depth: 3, slug: 'd-errors-2', text: 'Errors' },
    ]);
  });

  it('renders GFM tables', () => {
    expect(renderMarkdown('| a |\n| - |\n| 1 |').html).toContain('<td>1</td>');
  });

  it('gives plain prose the same HTML as the full pipeline, for every description of the contract', () => {
    const config = resolveSiteConfig({}, {});
    const model = loadModel(config.contractPath, config);
    const texts = new Set<string>([
      'Amount in minor units (cents).',
      'x = y',
      '1. not plain',
      'see www.example.com',
    ]);
    const collect = (node: SchemaNode | undefined, depth = 0) => {
      if (node === undefined || depth > 8) return;
      if (node.description !== undefined) texts.add(node.description);
      for (const field of node.properties ?? []) collect(field.schema, depth + 1);
      collect(node.items, depth + 1);
    };
    for (const operation of model.operations) {
      const detail = model.detail(operation);
      if (detail.description !== undefined) texts.add(detail.description);
      for (const parameter of detail.parameters)
        if (parameter.description !== undefined) texts.add(parameter.description);
      for (const response of detail.responses) texts.add(response.description);
      for (const media of detail.requestBody?.content ?? []) collect(media.schema);
      for (const response of detail.responses) for (const media of response.content) collect(media.schema);
    }
    expect(texts.size).toBeGreaterThan(50);
    for (const text of texts)
      expect(renderMarkdown(text, { headingOffset: 2 }).html, text).toBe(renderWithPipeline(text, 2).html);
  });
});
