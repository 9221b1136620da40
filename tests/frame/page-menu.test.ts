import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { mcpInstall } from '../../src/components/page-actions/mcp-install.ts';
import { resolveSiteConfig } from '../../src/config.ts';
import { useBrowserSite } from '../support/browser-site.ts';

const outDir = inject('committedSite');
const { site } = resolveSiteConfig();
const MENU_ITEMS = [
  'Copy page as Markdown',
  'View as Markdown',
  'Open in ChatGPT',
  'Open in Claude',
  'Copy MCP command for Claude Code',
  'Copy MCP install link for Cursor',
  'Copy MCP install link for VS Code',
];

describe('the page menu in Chromium', () => {
  const served = useBrowserSite(outDir);

  async function open(url: string): Promise<Page> {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.base });
    const page = await context.newPage();
    await page.goto(`${served.base}${url}`);
    return page;
  }

  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

  for (const url of ['/quickstart/', '/api-reference/core-resources/chargers/create/']) {
    it(`offers every action on ${url}, and is driven by the keyboard`, async () => {
      const page = await open(url);
      try {
        const button = page.locator('[data-menu-button]');
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        await button.focus();
        await page.keyboard.press('ArrowDown');
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        expect(await page.locator('[role="menuitem"]').allTextContents()).toEqual(MENU_ITEMS);
        expect(await focused(page)).toBe('Copy page as Markdown');
        await page.keyboard.press('ArrowUp');
        expect(await focused(page)).toBe('Copy MCP install link for VS Code');
        await page.keyboard.press('Home');
        expect(await focused(page)).toBe('Copy page as Markdown');
        await page.keyboard.press('Escape');
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-menu-button'))).toBe(
          true,
        );

        // Copy page: the twin's Markdown reaches the clipboard.
        const twinPath = url === '/quickstart/' ? '/quickstart.md' : `${url.replace(/\/$/, '')}.md`;
        const twin = readFileSync(join(outDir, twinPath), 'utf8');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelector('[data-menu-status]')?.textContent !== '');
        expect(await clipboard(page)).toBe(twin);

        // The links point at the twin, in place or in the prompt of each assistant.
        const hrefs = await page.$$eval('[role="menu"] a', (links) =>
          links.map((link) => (link as HTMLAnchorElement).getAttribute('href') ?? ''),
        );
        expect(hrefs[0]).toBe(twinPath);
        for (const [index, prefix] of [
          [1, 'https://chatgpt.com/?q='],
          [2, 'https://claude.ai/new?q='],
        ] as const) {
          expect(hrefs[index]?.startsWith(prefix)).toBe(true);
          expect(decodeURIComponent(hrefs[index]?.slice(prefix.length) ?? '')).toContain(
            `${site}${twinPath}`,
          );
        }
        const view = await page.context().request.get(`${served.base}${hrefs[0]}`);
        expect(await view.text()).toBe(twin);

        // The MCP items copy what each client documents, with this site's MCP URL.
        const install = mcpInstall(`${site}/_mcp/server`);
        for (const [label, want] of [
          ['Copy MCP command for Claude Code', install.claudeCode],
          ['Copy MCP install link for Cursor', install.cursor],
          ['Copy MCP install link for VS Code', install.vscode],
        ] as const) {
          await button.click();
          await page.getByRole('menuitem', { name: label }).click();
          await page.waitForFunction(
            () => document.querySelector('[data-menu-status]')?.textContent === 'Copied',
          );
          expect(await clipboard(page)).toBe(want);
          await page.evaluate(() => {
            const status = document.querySelector('[data-menu-status]');
            if (status) status.textContent = '';
          });
        }
        expect(install.claudeCode).toBe(`claude mcp add --transport http ocpplab-docs ${site}/_mcp/server`);
      } finally {
        await page.context().close();
      }
    });
  }
});
