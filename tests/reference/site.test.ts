import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import { pageUrl } from '../../src/model/pages.ts';
import type { MediaType, OperationSummary, Parameter, Response } from '../../src/model/types.ts';
import { buildSite, CHROMIUM_ARGS, readPage, scratchDir, startPreview } from './build.ts';
import { expectedFieldNames } from './expected.ts';

// The real site, built once from the synced contract; every test reads it.
const config = resolveConfig({}, {});
const model = loadModel(config.contractPath, config);
const work = scratchDir('reference-site');
const outDir = join(work, 'dist');

beforeAll(async () => {
  await buildSite(config.contractPath, outDir);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function main(tree: Root): Element {
  const found = select('main', tree);
  if (found === undefined) throw new Error('page has no <main>');
  return found;
}

const fieldNames = (scope: Element) => selectAll('.ref-field-name', scope).map((node) => toText(node));
const codeTexts = (scope: Element) =>
  selectAll('figure.ref-code pre', scope).map((node) => toText(node, { whitespace: 'pre' }));

/** The text an example block shows for a media type's example. */
function exampleText(media: MediaType, value: unknown): string {
  return typeof value === 'string' && !/json/.test(media.mediaType)
    ? value
    : (JSON.stringify(value, null, 2) ?? 'null');
}

function checkMedia(scope: Element, content: MediaType[], where: string) {
  const names = fieldNames(scope);
  const expected = content.flatMap((media) =>
    media.schema === undefined ? [] : expectedFieldNames(media.schema),
  );
  expect(names, `${where}: field names`).toEqual(expected);
  const blocks = codeTexts(scope);
  for (const media of content) {
    for (const example of media.examples) {
      expect(blocks, `${where}: example ${example.name ?? ''}`).toContain(exampleText(media, example.value));
    }
  }
}

function checkParameters(page: Element, parameters: Parameter[], where: string) {
  for (const parameter of parameters) {
    const row = select(`section[data-location="${parameter.in}"] [data-parameter="${parameter.name}"]`, page);
    expect(row, `${where}: ${parameter.in} parameter ${parameter.name}`).toBeDefined();
  }
}

function checkResponses(page: Element, responses: Response[], where: string) {
  for (const response of responses) {
    const section = select(`section.ref-response[data-status="${response.status}"]`, page);
    expect(section, `${where}: response ${response.status}`).toBeDefined();
    if (section !== undefined) checkMedia(section, response.content, `${where} ${response.status}`);
  }
}

describe('the reference built from openapi/openapi.json', () => {
  it('has a page for every operation with every parameter, body field, response and example', () => {
    expect(model.operations.length).toBeGreaterThan(0);
    for (const summary of model.operations) {
      const where = `${summary.key} (${pageUrl(summary.slug)})`;
      const detail = model.detail(summary);
      const page = main(readPage(outDir, pageUrl(summary.slug)));
      expect(toText(select('h1', page) ?? page), where).toBe(summary.summary);
      expect(toText(select('.ref-url', page) ?? page), where).toBe(`${model.baseUrl}${summary.path}`);
      if (summary.operationId !== undefined) {
        expect(toText(select('.ref-operation-id', page) ?? page), where).toBe(summary.operationId);
      }
      checkParameters(page, detail.parameters, where);
      if (detail.requestBody !== undefined) {
        const body = select('section.ref-body', page);
        expect(body, `${where}: request body`).toBeDefined();
        if (body !== undefined) checkMedia(body, detail.requestBody.content, `${where} request body`);
      }
      checkResponses(page, detail.responses, where);
      const samples = select('.ref-samples', page);
      expect(samples, `${where}: code samples`).toBeDefined();
      if (samples !== undefined) {
        expect(codeTexts(samples)).toEqual(detail.samples.map((sample) => sample.code));
      }
      if (detail.security.length === 0) expect(toText(page)).toContain('No authentication');
    }
  });

  it('has a page for every webhook with its payload and for every schema', () => {
    for (const webhook of model.webhooks) {
      const page = main(readPage(outDir, pageUrl(webhook.slug)));
      checkParameters(page, webhook.parameters, webhook.name);
      const payload = select('section.ref-body', page);
      if (webhook.requestBody !== undefined && payload !== undefined) {
        checkMedia(payload, webhook.requestBody.content, `${webhook.name} payload`);
      } else {
        expect(payload).toBe(webhook.requestBody);
      }
      checkResponses(page, webhook.responses, webhook.name);
    }
    for (const schema of model.schemas) {
      const page = main(readPage(outDir, pageUrl(schema.slug)));
      expect(select(`[data-schema="${schema.name}"]`, page), schema.name).toBeDefined();
      expect(fieldNames(page)).toEqual(expectedFieldNames(model.schemaNode(schema)));
    }
  });

  it('links every field that uses a named schema to that schema page', () => {
    const summary = model.operations.find((operation) => model.detail(operation).requestBody !== undefined);
    expect(summary).toBeDefined();
    if (summary === undefined) return;
    const page = main(readPage(outDir, pageUrl(summary.slug)));
    const hrefs = selectAll('a.ref-type', page).map((link) => String(link.properties.href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(existsSync(join(outDir, href, 'index.html')), href).toBe(true);
  });

  it("gives an operation page a sidebar with its own tag's operations only", () => {
    const summary = model.operations[0] as OperationSummary;
    const tree = readPage(outDir, pageUrl(summary.slug));
    const links = selectAll('#starlight__sidebar a', tree).map((link) => String(link.properties.href));
    const sameTag = model.operations.filter(
      (operation) => operation.tag.slug === summary.tag.slug && operation.group.slug === summary.group.slug,
    );
    const others = model.operations.filter((operation) => !sameTag.includes(operation));
    for (const operation of sameTag) expect(links).toContain(pageUrl(operation.slug));
    for (const operation of others) expect(links).not.toContain(pageUrl(operation.slug));
    for (const group of model.groups)
      expect(links.some((link) => link.startsWith(pageUrl(group.pageSlug)))).toBe(true);
  });

  it('marks the API Reference area as current in the top switch, and Docs on guides', () => {
    const reference = readPage(outDir, '/api-reference/');
    const guide = readPage(outDir, '/');
    const current = (tree: Root) => toText(select('.site-switch a[aria-current="page"]', tree) ?? tree);
    expect(current(reference)).toBe('API Reference');
    expect(current(guide)).toBe('Docs');
  });

  it('remembers the code language across pages and finds an operation by its operationId', async () => {
    const preview = await startPreview(outDir);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const [first, second] = model.operations;
      if (first === undefined || second === undefined) throw new Error('need two operations');
      await page.goto(`${preview.url}${pageUrl(first.slug)}`);
      await page.getByRole('tab', { name: 'Python' }).first().click();
      await page.goto(`${preview.url}${pageUrl(second.slug)}`);
      const selected = page.locator('.ref-samples [role="tab"][aria-selected="true"]');
      await expect.poll(() => selected.textContent()).toContain('Python');
      await expect
        .poll(() =>
          page.locator('.ref-samples [role="tabpanel"]:not([hidden]) figure').getAttribute('data-lang'),
        )
        .toBe('python');

      const target = model.operations.find((operation) => operation.operationId !== undefined) ?? first;
      await page.locator('button[data-open-modal]').first().click();
      await page.locator('#starlight__search input').fill(target.operationId ?? target.summary);
      const result = page.locator('.pagefind-ui__result-link', { hasText: target.summary }).first();
      await result.waitFor({ timeout: 20_000 });
      expect(await result.getAttribute('href')).toContain(pageUrl(target.slug));
    } finally {
      await browser.close();
      preview.stop();
    }
  });
});
