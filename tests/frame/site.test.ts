import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import { pageUrl } from '../../src/model/pages.ts';
import type { OperationSummary } from '../../src/model/types.ts';
import { methodLabel } from '../../src/render/sidebar.ts';
import { useBrowserSite } from '../support/browser-site.ts';
import { readHtml } from '../support/site.ts';
import { frameBytes } from './frame-size.ts';

/**
 * The lean page frame (src/components/frame/, src/styles/frame.css) on the committed site,
 * built once per run by tests/support/committed-site.ts: its size, and in Chromium the
 * behaviour it must keep from Starlight's components.
 */
const config = resolveSiteConfig({}, {});
const model = loadModel(config.contractPath, config);
const outDir = inject('committedSite');

/**
 * Most bytes the frame of an operation page may take. With the lean frame the largest is
 * 12,125 B (the commands tag, whose 29 operations all sit in the sidebar); with Starlight's
 * components it was about 24 KB. The ~1.4 KB margin leaves room for a few more sidebar
 * entries, while bringing back any one of Starlight's theme provider, theme picker, tables of
 * contents or sidebar (2 KB or more each) fails. The menu button is held by the SVG check.
 */
const FRAME_BUDGET = 13_500;
/** Whole reference pages of the committed contract (frame and content): fields fold and list each named schema once. */
const PAGE_BUDGET = 60_000;

const DESKTOP = { width: 1400, height: 900 };
const NARROW = { width: 390, height: 800 };

function operation(index: number): OperationSummary {
  const found = model.operations[index];
  if (found === undefined) throw new Error(`the committed contract has no operation #${index}`);
  return found;
}

const html = (url: string) => readHtml(outDir, url);

describe('the page frame of the committed site', () => {
  it(`stays under ${FRAME_BUDGET} bytes on every operation page`, () => {
    const sizes = model.operations.map((summary) => ({
      url: pageUrl(summary.slug),
      bytes: frameBytes(html(pageUrl(summary.slug))),
    }));
    const over = sizes.filter(({ bytes }) => bytes > FRAME_BUDGET);
    expect(over).toEqual([]);
  });

  it(`keeps every operation, webhook and schema page under ${PAGE_BUDGET} bytes`, () => {
    const urls = [...model.operations, ...model.webhooks, ...model.schemas].map((page) => pageUrl(page.slug));
    const over = urls.filter((url) => Buffer.byteLength(html(url)) > PAGE_BUDGET);
    expect(over).toEqual([]);
  });

  it('draws its icons in CSS: on reference pages the only inline SVG outside <main> is the search button', () => {
    for (const url of [pageUrl(operation(0).slug), '/api-reference/']) {
      const page = html(url);
      const frame = page.slice(0, page.indexOf('<main')) + page.slice(page.indexOf('</main>'));
      const search = frame.slice(frame.indexOf('<site-search'), frame.indexOf('</site-search>'));
      expect(frame.split('<svg').length - search.split('<svg').length, url).toBe(0);
    }
  });
});

describe('the page frame in Chromium', () => {
  const site = useBrowserSite(outDir);

  /** A page in a fresh browser context (its own localStorage). */
  async function open(url: string, viewport = DESKTOP): Promise<Page> {
    const context = await site.browser.newContext({ viewport, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.base}${url}`);
    return page;
  }

  const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
  const pickers = (page: Page) =>
    page.$$eval('starlight-theme-select select', (selects) =>
      selects.map((select) => (select as HTMLSelectElement).value),
    );

  it('applies the chosen theme, keeps it across pages before the first paint, in both pickers', async () => {
    const page = await open(pageUrl(operation(0).slug));
    try {
      expect(await theme(page)).toBe('dark');
      expect(await pickers(page)).toEqual(['auto', 'auto']);

      await page.locator('header starlight-theme-select select').selectOption('light');
      expect(await theme(page)).toBe('light');
      expect(await pickers(page)).toEqual(['light', 'light']);
      expect(await page.evaluate(() => localStorage.getItem('starlight-theme'))).toBe('light');

      // On the next page, record the theme when <body> first appears (before any paint of it,
      // and before any module script) and at DOMContentLoaded.
      await page.addInitScript(() => {
        const seen: { atBody?: string | undefined; atReady?: string | undefined; pickers?: string[] } = {};
        (window as unknown as { frameSeen: typeof seen }).frameSeen = seen;
        const observer = new MutationObserver(() => {
          if (document.body === null) return;
          seen.atBody = document.documentElement.dataset.theme;
          observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true });
        document.addEventListener('DOMContentLoaded', () => {
          seen.atReady = document.documentElement.dataset.theme;
          seen.pickers = [...document.querySelectorAll('starlight-theme-select select')].map(
            (select) => (select as HTMLSelectElement).value,
          );
        });
      });
      await page.goto(`${site.base}${pageUrl(operation(1).slug)}`);
      const seen = await page.evaluate(() => (window as unknown as { frameSeen: object }).frameSeen);
      expect(seen).toEqual({ atBody: 'light', atReady: 'light', pickers: ['light', 'light'] });

      // Auto follows the system, also while the page is open; it is stored as ''.
      await page.locator('header starlight-theme-select select').selectOption('auto');
      expect(await theme(page)).toBe('dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await expect.poll(() => theme(page)).toBe('light');
      expect(await page.evaluate(() => localStorage.getItem('starlight-theme'))).toBe('');
    } finally {
      await page.context().close();
    }
  });

  it('picks the theme from the mobile menu too, and the header picker follows', async () => {
    const page = await open(pageUrl(operation(0).slug), NARROW);
    try {
      await page.getByRole('button', { name: 'Menu' }).click();
      const picker = page.locator('#starlight__sidebar starlight-theme-select select');
      await picker.scrollIntoViewIfNeeded();
      expect(await picker.isVisible()).toBe(true);
      await picker.selectOption('light');
      expect(await theme(page)).toBe('light');
      expect(await pickers(page)).toEqual(['light', 'light']);
    } finally {
      await page.context().close();
    }
  });

  /** The TOC links of a page that lead to a section (not the title). */
  async function sections(page: Page): Promise<{ href: string; text: string }[]> {
    const links = await page.$$eval('starlight-toc a', (anchors) =>
      anchors.map((anchor) => ({
        href: anchor.getAttribute('href') ?? '',
        text: anchor.textContent ?? '',
      })),
    );
    return links.filter((link) => link.href !== '#_top');
  }

  async function scrollTo(page: Page, href: string): Promise<void> {
    await page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), href.slice(1));
  }

  it('marks the section being read in the desktop table of contents', async () => {
    const page = await open(pageUrl(operation(0).slug));
    try {
      const current = () => page.getAttribute('starlight-toc a[aria-current="true"]', 'href');
      await expect.poll(current).toBe('#_top');
      // The side panel's sections (code samples) stay in view beside the others: scrolling
      // reaches the sections of the main column.
      const inPanel = await page.$$eval('.ref-panel h2', (headings) =>
        headings.map((heading) => `#${heading.id}`),
      );
      const [first, second] = (await sections(page)).filter((section) => !inPanel.includes(section.href));
      if (first === undefined || second === undefined) throw new Error('an operation page has sections');
      await scrollTo(page, second.href);
      await expect.poll(current).toBe(second.href);
      await scrollTo(page, first.href);
      await expect.poll(current).toBe(first.href);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(current).toBe('#_top');
      expect(await page.locator('starlight-toc a[aria-current="true"]').count()).toBe(1);
    } finally {
      await page.context().close();
    }
  });

  it('names the section being read in the mobile table of contents, and closes its dropdown', async () => {
    const page = await open(pageUrl(operation(0).slug), NARROW);
    try {
      expect(await page.locator('starlight-toc').isVisible()).toBe(false);
      const summary = page.locator('mobile-starlight-toc summary');
      const [, second] = await sections(page);
      if (second === undefined) throw new Error('an operation page has sections');
      await scrollTo(page, second.href);
      await expect.poll(() => summary.textContent()).toContain(second.text);
      expect(await summary.isVisible()).toBe(true);
      expect(await page.getAttribute('mobile-starlight-toc a[aria-current="true"]', 'href')).toBe(
        second.href,
      );

      const details = page.locator('mobile-starlight-toc details');
      const isOpen = () => details.evaluate((element) => (element as HTMLDetailsElement).open);
      await summary.click();
      expect(await isOpen()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await isOpen()).toBe(false);
      await summary.click();
      await page.locator('mobile-starlight-toc a[href="#_top"]').click();
      expect(await isOpen()).toBe(false);
    } finally {
      await page.context().close();
    }
  });

  it('marks the current page in the reference sidebar, opens its group, shows method badges', async () => {
    // A page whose tag has three or more methods besides its own, so the colours can differ.
    const methodsBeside = (of: OperationSummary) =>
      new Set(
        model.operations
          .filter(
            (other) => other !== of && other.tag.slug === of.tag.slug && other.group.slug === of.group.slug,
          )
          .map((other) => other.method),
      );
    const summary = model.operations.find((candidate) => methodsBeside(candidate).size >= 3);
    if (summary === undefined) throw new Error('no tag with three methods besides the current page');
    const page = await open(pageUrl(summary.slug));
    try {
      const current = page.locator('#starlight__sidebar a[aria-current="page"]');
      expect(await current.count()).toBe(1);
      expect(await current.getAttribute('href')).toBe(pageUrl(summary.slug));
      expect(await current.isVisible()).toBe(true);
      const closedAround = await current.evaluate((link) => {
        let closed = 0;
        for (let at = link.closest('details'); at !== null; at = at.parentElement?.closest('details') ?? null)
          if (!at.open) closed++;
        return closed;
      });
      expect(closedAround).toBe(0);
      expect(await current.evaluate((link) => link.closest('details') !== null)).toBe(true);

      const sameTag = model.operations.filter(
        (other) => other.tag.slug === summary.tag.slug && other.group.slug === summary.group.slug,
      );
      const colours = new Map<string, string>();
      for (const other of sameTag) {
        const link = page.locator(`#starlight__sidebar a[href="${pageUrl(other.slug)}"]`);
        const badge = link.locator('span').last();
        expect(await badge.textContent()).toBe(methodLabel(other.method));
        expect(await link.textContent()).toContain(other.summary);
        if (other !== summary)
          colours.set(other.method, await badge.evaluate((element) => getComputedStyle(element).color));
      }
      // Each method its own colour, none the colour of the entry's name.
      const other = sameTag.find((entry) => entry !== summary);
      if (other === undefined) throw new Error('the tag has other operations');
      // The entry's name is the link's own text; its badge is the span inside.
      const nameColour = await page
        .locator(`#starlight__sidebar a[href="${pageUrl(other.slug)}"]`)
        .evaluate((element) => getComputedStyle(element).color);
      expect(colours.size).toBeGreaterThanOrEqual(3);
      expect(new Set(colours.values()).size).toBe(colours.size);
      expect([...colours.values()]).not.toContain(nameColour);
    } finally {
      await page.context().close();
    }
  });

  it('keeps the open groups and the scroll of the sidebar on the next page of the same tag', async () => {
    const summary = operation(0);
    const sibling = model.operations.find(
      (other) =>
        other !== summary && other.tag.slug === summary.tag.slug && other.group.slug === summary.group.slug,
    );
    if (sibling === undefined) throw new Error('the first tag has one operation');
    const page = await open(pageUrl(summary.slug), { width: 1200, height: 500 });
    try {
      const pane = page.locator('#starlight__sidebar');
      // A group closed by default (the webhooks), opened by the reader.
      const closed = await pane
        .locator('details')
        .evaluateAll((groups) => groups.findIndex((details) => !(details as HTMLDetailsElement).open));
      expect(closed).toBeGreaterThanOrEqual(0);
      const group = pane.locator('details').nth(closed);
      const isOpen = () => group.evaluate((details) => (details as HTMLDetailsElement).open);
      await group.locator('summary').click();
      expect(await isOpen()).toBe(true);
      const scroll = await pane.evaluate((element) => {
        element.scrollTop = 40;
        return element.scrollTop;
      });
      expect(scroll).toBeGreaterThan(0);
      await page.goto(`${site.base}${pageUrl(sibling.slug)}`);
      expect(await isOpen()).toBe(true);
      expect(await pane.evaluate((element) => element.scrollTop)).toBe(scroll);
    } finally {
      await page.context().close();
    }
  });

  it('opens the sidebar from the menu button on a narrow screen', async () => {
    const summary = operation(0);
    const page = await open(pageUrl(summary.slug), NARROW);
    try {
      const pane = page.locator('#starlight__sidebar');
      expect(await pane.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Menu' }).click();
      expect(await pane.isVisible()).toBe(true);
      const current = pane.locator('a[aria-current="page"]');
      await current.scrollIntoViewIfNeeded();
      expect(await current.isVisible()).toBe(true);
      expect(await current.getAttribute('href')).toBe(pageUrl(summary.slug));
      // The content behind the open menu is out of reach of the keyboard.
      expect(await page.locator('.main-frame').getAttribute('inert')).not.toBeNull();
      await page.getByRole('button', { name: 'Menu' }).click();
      expect(await pane.isVisible()).toBe(false);
    } finally {
      await page.context().close();
    }
  });
});
