import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { expect } from 'vitest';
import { pageUrl } from '../../src/model/pages.ts';
import type { ApiModel, MediaType, Parameter, Response } from '../../src/model/types.ts';
import { readPage } from '../support/site.ts';
import { expectedFieldNames, type SeenSchemas } from './expected.ts';

/**
 * Checks a built site against its model: every operation page shows its
 * summary, URL, operationId, every parameter, every body and response field
 * (in reading order, to the depth the model expands), every example and
 * every code sample; every webhook and schema has its page.
 */
export function main(tree: Root): Element {
  const found = select('main', tree);
  if (found === undefined) throw new Error('page has no <main>');
  return found;
}

export const fieldNames = (scope: Element) => selectAll('.f-n', scope).map((node) => toText(node));
export const codeTexts = (scope: Element) =>
  selectAll('figure.ref-code pre', scope).map((node) => toText(node, { whitespace: 'pre' }));

/** The text an example block shows for a media type's example. */
function exampleText(media: MediaType, value: unknown): string {
  return typeof value === 'string' && !/json/.test(media.mediaType)
    ? value
    : (JSON.stringify(value, null, 2) ?? 'null');
}

function checkMedia(
  scope: Element,
  content: MediaType[],
  where: string,
  seen: SeenSchemas,
  direction: 'in' | 'out',
  examplesIn: Element = scope,
) {
  const names = fieldNames(scope);
  const expected = content.flatMap((media) =>
    media.schema === undefined ? [] : expectedFieldNames(media.schema, seen, direction),
  );
  expect(names, `${where}: field names`).toEqual(expected);
  const blocks = codeTexts(examplesIn);
  for (const media of content) {
    for (const example of media.examples) {
      expect(blocks, `${where}: example ${example.name ?? ''}`).toContain(exampleText(media, example.value));
    }
  }
}

/** The side panel's examples of a status (Operation.astro, ResponseExamples.astro). */
function statusExamples(page: Element, status: string): Element {
  const panel = select(`.ref-panel .ref-status-example[data-status="${status}"]`, page);
  return panel ?? page;
}

function checkParameters(page: Element, parameters: Parameter[], where: string, seen: SeenSchemas) {
  for (const parameter of parameters) {
    expectedFieldNames(parameter.schema, seen, 'in', false);
    const row = select(`section[data-location="${parameter.in}"] [data-parameter="${parameter.name}"]`, page);
    expect(row, `${where}: ${parameter.in} parameter ${parameter.name}`).toBeDefined();
  }
}

const responseSection = (page: Element, status: string) =>
  select(`section.ref-response[data-status="${status}"]`, page);

function checkResponses(page: Element, responses: Response[], where: string, seen: SeenSchemas) {
  for (const response of responses) {
    const section = responseSection(page, response.status);
    expect(section, `${where}: response ${response.status}`).toBeDefined();
    if (section === undefined) continue;
    // An error body with the same schema as an earlier status points there for its fields
    // and keeps its own examples; its generated example is the earlier one's.
    const same = select('[data-same-as]', section);
    if (same === undefined) {
      checkMedia(
        section,
        response.content,
        `${where} ${response.status}`,
        seen,
        'out',
        statusExamples(page, response.status),
      );
      continue;
    }
    const source = responseSection(page, String(same.properties.dataSameAs));
    expect(source, `${where}: response ${response.status} refers to a listed status`).toBeDefined();
    if (source === undefined) continue;
    expect(fieldNames(section), `${where} ${response.status}: fields only once`).toEqual([]);
    const own = response.content.map((media) => ({
      ...media,
      examples: media.examples.filter((example) => !example.generated),
    }));
    // The source's own fields were checked where it was listed.
    for (const media of own) {
      for (const example of media.examples) {
        expect(
          codeTexts(statusExamples(page, response.status)),
          `${where} ${response.status}: example`,
        ).toContain(exampleText(media, example.value));
      }
    }
  }
}

export function checkOperations(model: ApiModel, outDir: string): void {
  for (const summary of model.operations) {
    const where = `${summary.key} (${pageUrl(summary.slug)})`;
    const detail = model.detail(summary);
    const page = main(readPage(outDir, pageUrl(summary.slug)));
    expect(toText(select('h1', page) ?? page), where).toBe(summary.summary);
    expect(toText(select('.ref-url', page) ?? page), where).toBe(`${model.baseUrl}${summary.path}`);
    if (summary.operationId !== undefined) {
      expect(toText(select('.ref-operation-id', page) ?? page), where).toBe(summary.operationId);
    }
    const seen: SeenSchemas = new Set();
    checkParameters(page, detail.parameters, where, seen);
    if (detail.requestBody !== undefined) {
      const body = select('section.ref-body', page);
      expect(body, `${where}: request body`).toBeDefined();
      if (body !== undefined)
        checkMedia(body, detail.requestBody.content, `${where} request body`, seen, 'in');
    }
    checkResponses(page, detail.responses, where, seen);
    const samples = select('.ref-samples', page);
    expect(samples, `${where}: code samples`).toBeDefined();
    if (samples !== undefined)
      expect(codeTexts(samples)).toEqual(detail.samples.map((sample) => sample.code));
    const auth = select('.ref-security', page);
    expect(auth, `${where}: authentication`).toBeDefined();
    const authText = auth === undefined ? '' : toText(auth);
    if (detail.security.every((requirement) => requirement.schemes.length === 0))
      expect(authText, where).toContain('needs no credentials');
    else {
      expect(authText, where).not.toContain('needs no credentials');
      // Each scheme says where its credential goes on the wire.
      for (const requirement of detail.security)
        for (const { scheme } of requirement.schemes) {
          const wire =
            scheme.type === 'apiKey'
              ? (scheme.name ?? scheme.key)
              : scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer'
                ? 'Authorization: Bearer'
                : scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic'
                  ? 'Authorization: Basic'
                  : scheme.type === 'http'
                    ? 'Authorization:'
                    : scheme.key;
          expect(authText, where).toContain(wire);
        }
    }
  }
}

export function checkWebhooksAndSchemas(model: ApiModel, outDir: string): void {
  for (const webhook of model.webhooks) {
    const page = main(readPage(outDir, pageUrl(webhook.slug)));
    const seen: SeenSchemas = new Set();
    checkParameters(page, webhook.parameters, webhook.name, seen);
    const payload = select('section.ref-body', page);
    if (webhook.requestBody !== undefined && payload !== undefined) {
      const examples = select('.ref-panel', page) ?? page;
      checkMedia(payload, webhook.requestBody.content, `${webhook.name} payload`, seen, 'in', examples);
    } else {
      expect(payload).toBe(webhook.requestBody);
    }
    checkResponses(page, webhook.responses, webhook.name, seen);
  }
  for (const schema of model.schemas) {
    const page = main(readPage(outDir, pageUrl(schema.slug)));
    expect(select(`[data-schema="${schema.name}"]`, page), schema.name).toBeDefined();
    expect(fieldNames(page)).toEqual(expectedFieldNames(model.schemaNode(schema)));
  }
}

/** Every schema link of a page leads to a built page. */
export function checkSchemaLinks(outDir: string, url: string): number {
  const page = main(readPage(outDir, url));
  const hrefs = selectAll('a.f-t', page).map((link) => String(link.properties.href));
  for (const href of hrefs) expect(existsSync(join(outDir, href, 'index.html')), href).toBe(true);
  return hrefs.length;
}
