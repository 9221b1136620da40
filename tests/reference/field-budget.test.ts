import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import { conforms } from '../../src/model/conform.ts';
import {
  EXAMPLES_SHOWN,
  exampleLimit,
  PAGE_EXAMPLES_LIMIT,
  SHOWN_EXAMPLE_LIMIT,
  shortExample,
} from '../../src/model/short-example.ts';
import type { MediaType, Response } from '../../src/model/types.ts';
import { FIELD_PAGE_BUDGET, fieldPage, schemaRootHtml } from '../../src/render/fields-html.ts';
import { referenceLinks } from '../../src/render/links.ts';
import { requestFields } from '../../src/render/page-fields.ts';
import { MODEL_OPTIONS } from '../model/fixtures.ts';

// Issue 10: no HTML page above 100 KB on any contract. A contract made to be too large for
// one page: an inline request body 30 fields wide, each an inline object of 12 fields with an
// inline object of 8 below, a field with 300 allowed values, and a oneOf of 60 inline
// variants. Listed whole, its fields alone are several hundred KB.
const TEXT = 'A field described at some length, as real contracts do, to give each line its weight.';
const leaf = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`leaf_${i}`, { type: 'string', description: `${TEXT} (${i})` }]),
  );
const middle = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [
    `middle_${i}`,
    { type: 'object', description: TEXT, properties: leaf(8), required: ['leaf_0'] },
  ]),
);
const properties: Record<string, unknown> = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => [
    `top_${i}`,
    { type: 'object', description: TEXT, properties: middle, required: ['middle_0'] },
  ]),
);
properties.category = {
  type: 'string',
  description: 'One of many values.',
  enum: Array.from({ length: 300 }, (_, i) => `category_value_${i}`),
};
properties.shape = {
  description: 'One of many inline variants.',
  oneOf: Array.from({ length: 60 }, (_, i) => ({
    title: `Shape${i}`,
    type: 'object',
    required: ['kind'],
    properties: { kind: { type: 'string', const: `shape_${i}` }, ...leaf(6) },
  })),
};
const wide = { type: 'object', required: ['top_0', 'shape'], properties };

const model = buildModel(
  {
    openapi: '3.1.0',
    info: { title: 'Budget', version: '1' },
    paths: {
      '/things': {
        post: {
          operationId: 'createThing',
          requestBody: { required: true, content: { 'application/json': { schema: wide } } },
          responses: { '204': { description: 'Created' } },
        },
      },
    },
  },
  MODEL_OPTIONS,
);
const links = referenceLinks(model);
const [summary] = model.operations;
if (summary === undefined) throw new Error('no operation');
const operation = model.detail(summary);
const body = operation.requestBody?.content[0];
if (body?.schema === undefined) throw new Error('no body schema');
const schema = body.schema;

const parse = (html: string) => fromHtml(html, { fragment: true });
/** The anchors of every field line in `html`: `body.top_3.middle_2.leaf_5`. */
const anchors = (html: string) => selectAll('a.f-l', parse(html)).map((link) => String(link.properties.id));
/** The deferred lists a piece of markup opens: `f3`. */
const opens = (html: string) =>
  selectAll('details[data-fields]', parse(html)).map((details) => String(details.properties.dataFields));
const bytes = (html: string) => Buffer.byteLength(html);
/** What the page may hold past the budget: the field line that crosses it and a toggle per level. */
const SLACK = 8_000;

describe('the field budget of a page', () => {
  const whole = schemaRootHtml(schema, links, { path: 'body', page: fieldPage(Number.POSITIVE_INFINITY) });
  const twin = '/api-reference/things.md';
  const fields = requestFields(operation, links, twin);
  const page = [...fields.html.values()].join('');

  it('is needed: the contract lists more than 100 KB of fields when nothing is deferred', () => {
    expect(bytes(whole)).toBeGreaterThan(300_000);
  });

  it('keeps the page and every deferred list within the budget', () => {
    expect(bytes(page)).toBeLessThan(FIELD_PAGE_BUDGET + SLACK);
    expect(fields.deferred.size).toBeGreaterThan(0);
    for (const [id, html] of fields.deferred) {
      expect(bytes(html), `deferred list ${id}`).toBeLessThan(FIELD_PAGE_BUDGET + SLACK);
    }
  });

  it('keeps every field reachable: on the page, or in a list a toggle on the way loads', () => {
    // Every deferred list is opened from the page, or from a list that is (no list is orphaned).
    const reached = new Set<string>();
    const queue = opens(page);
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (reached.has(id)) continue;
      reached.add(id);
      const html = fields.deferred.get(id);
      expect(html, `the toggle of ${id} has a list`).toBeDefined();
      queue.push(...opens(html ?? ''));
    }
    expect([...reached].sort()).toEqual([...fields.deferred.keys()].sort());
    // Without JavaScript, each toggle says where its fields are, in one click.
    for (const html of [page, ...fields.deferred.values()]) {
      for (const details of selectAll('details[data-fields]', parse(html))) {
        expect(selectAll('a', details).map((link) => link.properties.href)).toEqual([twin]);
      }
    }
    // And together they list every field of the whole list, each once.
    const shown = [page, ...fields.deferred.values()].flatMap(anchors);
    expect(shown.sort()).toEqual(anchors(whole).sort());
  });

  it('keeps every allowed value, past the first ones in a deferred list', () => {
    const text = [page, ...fields.deferred.values()].map((html) => toText(parse(html))).join(' ');
    for (let i = 0; i < 300; i++) expect(text).toContain(`"category_value_${i}"`);
  });
});

describe('a shown example', () => {
  const example = body.examples[0]?.value;

  it('is shortened to the limit and still valid against its schema', () => {
    expect(JSON.stringify(example, null, 2).length).toBeGreaterThan(SHOWN_EXAMPLE_LIMIT);
    const shown = shortExample(example, schema);
    expect(shown?.cut).toBe(true);
    expect(JSON.stringify(shown?.value, null, 2).length).toBeLessThanOrEqual(SHOWN_EXAMPLE_LIMIT);
    expect(conforms(example, schema)).toBe(true);
    expect(conforms(shown?.value, schema)).toBe(true);
  });

  it('is what the page samples send, while the twin samples send the whole one', () => {
    const shown = operation.shownSamples;
    expect(shown).toBeDefined();
    for (const [index, sample] of (shown ?? []).entries()) {
      expect(sample.code.length).toBeLessThan(2 * SHOWN_EXAMPLE_LIMIT);
      expect(sample.code.length).toBeLessThan(operation.samples[index]?.code.length ?? 0);
    }
  });
});

describe('the example blocks of a page', () => {
  const media = (length: number, count = 1): MediaType => ({
    mediaType: 'application/json',
    examples: Array.from({ length: count }, () => ({ value: 'x'.repeat(length), generated: false })),
  });
  const responses = (count: number, length: number, examples = 1): Response[] =>
    Array.from({ length: count }, (_, index) => ({
      status: String(200 + index),
      description: '',
      headers: [],
      content: [media(length, examples)],
      isError: false,
    }));

  it('show whole examples while they fit the page together', () => {
    expect(exampleLimit({ responses: responses(3, 2_000) }, false)).toBe(SHOWN_EXAMPLE_LIMIT);
  });

  it('share the page limit past it, however many statuses and named examples there are', () => {
    for (const count of [4, 10, 40]) {
      const page = {
        requestBody: { required: true, content: [media(5_000, 9)] },
        responses: responses(count, 5_000, 9),
      };
      const blocks = (1 + count) * EXAMPLES_SHOWN + 3;
      const limit = exampleLimit(page, true);
      expect(limit).toBeLessThan(SHOWN_EXAMPLE_LIMIT);
      expect(limit * blocks).toBeLessThanOrEqual(Math.max(PAGE_EXAMPLES_LIMIT, 600 * blocks));
    }
  });
});
