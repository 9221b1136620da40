import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ExpressiveCode,
  type ExpressiveCodePlugin,
  type ExpressiveCodeTheme,
  loadShikiTheme,
} from '@astrojs/starlight/expressive-code';
import { toHtml } from 'hast-util-to-html';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlockLines } from '../../scripts/build/code-block-lines.ts';
import { codeTokenClasses } from '../../scripts/build/code-token-classes.ts';
import { resolveSiteConfig } from '../../src/config.ts';
import { CHROMIUM_ARGS } from '../support/site.ts';

/**
 * The lean code-block plugins against Expressive Code's own rendering: every block of the guides,
 * and blocks with line markers, rendered with and without them, must show the same characters
 * in the same colour, style and weight in each theme, in a box of the same size.
 */
interface Block {
  code: string;
  language: string;
  meta: string;
}

const docsDir = resolveSiteConfig({}, {}).docsDir;
const FENCE = /^([ \t]*)```(\w+)([^\n]*)\n([\s\S]*?)\n\1```[ \t]*$/gm;
const guideBlocks: Block[] = readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.mdx?$/.test(name))
  .flatMap((name) =>
    [...readFileSync(join(docsDir, name), 'utf8').matchAll(FENCE)].map((match) => ({
      language: match[2] ?? 'txt',
      meta: (match[3] ?? '').trim(),
      code: (match[4] ?? '').replace(new RegExp(`^${match[1] ?? ''}`, 'gm'), ''),
    })),
  );
const markedBlocks: Block[] = [
  { language: 'ts', meta: '{2} ins={3}', code: 'const a = 1;\nconst b = "two";\n// three\nlet c = a;' },
  {
    language: 'python',
    meta: 'wrap',
    code: `def f(x):\n    return {"x": x, "long": "${'y'.repeat(200)}"}`,
  },
  { language: 'bash', meta: '', code: '# a comment\ncurl -X POST "$URL" \\\n  -d \'{"a": 1}\'\n\n' },
];

/** Starlight's selector for its dark and light themes (see code-token-classes.ts). */
const themeCssSelector = (theme: ExpressiveCodeTheme) => `[data-theme='${theme.type}']`;

async function renderAll(themes: ExpressiveCodeTheme[], plugins: ExpressiveCodePlugin[], blocks: Block[]) {
  const engine = new ExpressiveCode({ themes, plugins, themeCssSelector, useDarkModeMediaQuery: false });
  const styles = new Set([await engine.getBaseStyles(), await engine.getThemeStyles()]);
  const html: string[] = [];
  for (const block of blocks) {
    const rendered = await engine.render(block);
    for (const style of rendered.styles) styles.add(style);
    html.push(toHtml(rendered.renderedGroupAst));
  }
  return { css: [...styles].join('\n'), blocks: html, html: html.join('\n') };
}

describe('the lean code-block plugins', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Per block: each visible character with its colour, style and weight; and the rows' text. */
  async function shown(css: string, html: string, theme: string) {
    const page = await browser.newPage();
    try {
      // Standards mode, as every page of the site: class names are case-sensitive there.
      await page.setContent(
        `<!DOCTYPE html><html data-theme="${theme}"><head><style>${css}</style></head><body>${html}</body></html>`,
      );
      return await page.evaluate(() =>
        [...document.querySelectorAll('pre > code')].map((code) => {
          const chars: string[] = [];
          const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            const style = getComputedStyle(node.parentElement as Element);
            for (const char of (node as Text).data)
              if (char.trim() !== '')
                chars.push(`${char} ${style.color} ${style.fontStyle} ${style.fontWeight}`);
          }
          // The rows take the same room: same height, same scroll width.
          const pre = code.parentElement as HTMLElement;
          return { chars, text: `${pre.offsetHeight}x${pre.scrollWidth}` };
        }),
      );
    } finally {
      await page.close();
    }
  }

  for (const [dark, light] of [
    ['night-owl', 'night-owl-light'],
    ['dracula', 'github-light'],
  ] as const) {
    it(`keep every token's colour, style and weight with ${dark} and ${light}`, async () => {
      const themes = [await loadShikiTheme(dark), await loadShikiTheme(light)];
      const blocks = [...guideBlocks, ...markedBlocks];
      expect(guideBlocks.length).toBeGreaterThan(50);
      const before = await renderAll(themes, [], blocks);
      const after = await renderAll(themes, [codeBlockLines(), codeTokenClasses()], blocks);
      // Text markers recolour the tokens of marked lines for contrast: those keep inline styles.
      for (const html of after.blocks.slice(0, guideBlocks.length))
        expect(html).not.toMatch(/<span style="--\d/);
      expect(after.html.length).toBeLessThan(before.html.length * 0.6);
      for (const theme of ['dark', 'light']) {
        const expected = await shown(before.css, before.html, theme);
        const actual = await shown(after.css, after.html, theme);
        expect(actual.length).toBe(blocks.length);
        actual.forEach((block, index) => {
          expect(block.text, `${theme} block ${index}`).toBe(expected[index]?.text);
          expect(block.chars, `${theme} block ${index}`).toEqual(expected[index]?.chars);
        });
      }
    });
  }
});
