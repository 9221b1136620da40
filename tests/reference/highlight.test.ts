import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import { highlight, languageOf } from '../../src/render/highlight.ts';

/** What a browser shows for highlighted HTML: the tags gone, the entities decoded. */
const shown = (html: string) =>
  toText(fromHtml(`<pre>${html}</pre>`, { fragment: true }), { whitespace: 'pre' });

describe('highlight', () => {
  it('marks JSON keys, strings, numbers and literals', () => {
    expect(highlight('{"a": "b", "n": -1.5, "t": true}', 'json')).toBe(
      '{<span class=k>"a"</span>: <span class=s>"b"</span>, <span class=k>"n"</span>: <span class=n>-1.5</span>, <span class=k>"t"</span>: <span class=l>true</span>}',
    );
  });

  it('keeps markup in code inert', () => {
    const html = highlight('{"x": "</script><script>alert(1)</script>"}', 'json');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('</script');
    expect(shown(html)).toBe('{"x": "</script><script>alert(1)</script>"}');
  });

  it('shows every code sample of the contract exactly as written', () => {
    const config = resolveSiteConfig({}, {});
    const model = loadModel(config.contractPath, config);
    for (const operation of model.operations) {
      for (const sample of model.detail(operation).samples) {
        expect(
          shown(highlight(sample.code, languageOf(sample.lang))),
          `${operation.key} ${sample.label}`,
        ).toBe(sample.code);
      }
    }
  });

  it('marks shell variables and flags, Python and TypeScript keywords', () => {
    expect(highlight('curl -H "Authorization: Bearer $TOKEN"', 'bash')).toBe(
      '<span class=u>curl</span> <span class=f>-H</span> <span class=s>"Authorization: Bearer $TOKEN"</span>',
    );
    expect(highlight('import os', 'python')).toBe('<span class=w>import</span> os');
    expect(highlight('const x = null;', 'ts')).toBe(
      '<span class=w>const</span> x = <span class=l>null</span>;',
    );
  });
});
