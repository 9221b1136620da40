import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSite } from '../support/browser-site.ts';

const outDir = inject('committedSite');
const CREATE_CHARGER = '/api-reference/core-resources/chargers/create/';

describe('the operation page as a workspace, in Chromium', () => {
  const served = useBrowserSite(outDir);

  async function open(url: string, width: number, height = 900): Promise<Page> {
    const context = await served.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${served.base}${url}`);
    return page;
  }

  /** Whether at least 100 px of the element show below the 64 px header. */
  const inViewport = (page: Page, selector: string) =>
    page.$eval(selector, (element) => {
      const box = element.getBoundingClientRect();
      return Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 64) >= Math.min(100, box.height);
    });

  it('keeps the samples and the response example in view while the fields scroll, at 1440×900', async () => {
    const page = await open(CREATE_CHARGER, 1440);
    try {
      const lastField = page.locator('main .f-l').last();
      await lastField.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(900);
      // The request sample (the first code block of the panel) and the response example.
      expect(await inViewport(page, '.ref-panel pre')).toBe(true);
      expect(await inViewport(page, '.ref-panel .ref-status-example:not([hidden]) pre')).toBe(true);
      const panel = await page.$eval('.ref-panel', (element) => getComputedStyle(element).position);
      expect(panel).toBe('sticky');
    } finally {
      await page.context().close();
    }
  });

  it('switches the response example with the status selector', async () => {
    const page = await open(CREATE_CHARGER, 1440);
    try {
      const select = page.locator('.ref-status-select');
      const statuses = await select
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      expect(statuses.length).toBeGreaterThan(1);
      const visible = () =>
        page.$$eval('.ref-status-example', (examples) =>
          examples
            .filter((example) => !(example as HTMLElement).hidden)
            .map((example) => (example as HTMLElement).dataset.status),
        );
      expect(await visible()).toEqual([statuses[0]]);
      await select.selectOption(statuses[1] ?? '');
      expect(await visible()).toEqual([statuses[1]]);
    } finally {
      await page.context().close();
    }
  });

  it('opens the collapsed ancestors of a deep-linked nested field and shows it', async () => {
    const probe = await open(CREATE_CHARGER, 1440);
    const nested = await probe.$$eval('main details.f-c:not([open]) .f-l', (links) =>
      links.map((link) => link.id),
    );
    await probe.context().close();
    expect(nested.length).toBeGreaterThan(0);
    const id = nested[nested.length - 1] ?? '';
    const page = await open(`${CREATE_CHARGER}#${id}`, 1440);
    try {
      const closed = await page.$eval(`[id="${id}"]`, (element) => {
        let count = 0;
        for (let node = element.parentElement; node !== null; node = node.parentElement)
          if (node instanceof HTMLDetailsElement && !node.open) count++;
        return count;
      });
      expect(closed).toBe(0);
      await page.waitForFunction((target) => {
        const box = document.getElementById(target)?.getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.top < window.innerHeight;
      }, id);
    } finally {
      await page.context().close();
    }
  });

  it('has no horizontal scroll at 390 px and no copy button over code', async () => {
    const page = await open(CREATE_CHARGER, 390, 844);
    try {
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(390);
      const overlaps = await page.$$eval('.expressive-code', (figures) =>
        figures.flatMap((figure) => {
          const button = figure.querySelector('.copy button')?.getBoundingClientRect();
          const line = figure.querySelector('.ec-line .code');
          if (button === undefined || line === null || button.width === 0) return [];
          const range = document.createRange();
          range.selectNodeContents(line);
          return [...range.getClientRects()]
            .filter(
              (text) =>
                text.right > button.left &&
                text.left < button.right &&
                text.bottom > button.top &&
                text.top < button.bottom,
            )
            .map(() => figure.textContent?.slice(0, 40) ?? '');
        }),
      );
      expect(overlaps).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
