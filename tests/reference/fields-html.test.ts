import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import type { Response } from '../../src/model/types.ts';
import { fieldsHtml, parameterHtml, schemaRootHtml } from '../../src/render/fields-html.ts';
import { referenceLinks } from '../../src/render/links.ts';
import { responseTitle } from '../../src/view/headings.ts';
import { MODEL_OPTIONS } from '../model/fixtures.ts';

// Field lists are written as HTML strings (src/render/fields-html.ts): every
// contract text must come out as text, in element content and in attributes.
const HOSTILE = '<img src=x onerror="alert(1)"> & "quoted" </script>';

const model = buildModel(
  {
    openapi: '3.1.0',
    info: { title: 'Fields', version: '1' },
    paths: {
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [{ name: `id${HOSTILE}`, in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'OK',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['kind'],
          properties: {
            [`name${HOSTILE}`]: { type: 'string', default: HOSTILE, pattern: HOSTILE },
            kind: { type: 'string', enum: ['a', HOSTILE], deprecated: true },
            part: { $ref: '#/components/schemas/Part' },
          },
        },
        Part: { type: 'object', properties: { size: { type: 'integer', minimum: 1 } } },
      },
    },
  },
  MODEL_OPTIONS,
);
const links = referenceLinks(model);
const thing = model.schemas.find((schema) => schema.name === 'Thing');
if (thing === undefined) throw new Error('no Thing schema');
const node = model.schemaNode(thing);

const parse = (html: string) => fromHtml(html, { fragment: true });

describe('field list HTML', () => {
  it('keeps hostile names and values as text', () => {
    const tree = parse(fieldsHtml(node, links));
    expect(selectAll('img, script', tree)).toEqual([]);
    expect(selectAll('code.f-n', tree).map((name) => toText(name))).toEqual([
      `name${HOSTILE}`,
      'kind',
      'part',
      'size',
    ]);
    const facts = selectAll('dl.f-x', tree).map((list) => toText(list));
    expect(facts[0]).toContain(HOSTILE);
    expect(facts[1]).toContain(JSON.stringify(HOSTILE));
  });

  it('keeps a hostile parameter name whole in its data attribute', () => {
    const [operation] = model.operations;
    if (operation === undefined) throw new Error('no operation');
    const detail = model.detail(operation);
    const parameter = detail.parameters[0];
    if (parameter === undefined) throw new Error('no parameter');
    const tree = parse(`<ul>${parameterHtml(parameter, links)}</ul>`);
    const item = select('li', tree) as Element;
    expect(item.properties.dataParameter).toBe(`id${HOSTILE}`);
    expect(selectAll('img, script', tree)).toEqual([]);
  });

  it('marks required and deprecated fields, links named types and nests their members', () => {
    const tree = parse(schemaRootHtml(node, links));
    expect(toText(select('.ref-schema-type a.f-t', tree) as Element)).toBe('Thing');
    const kind = selectAll('.ref-fields > li', tree)[1] as Element;
    expect(selectAll('.f-req, .f-dep', kind).map((flag) => toText(flag))).toEqual(['required', 'deprecated']);
    const part = selectAll('.ref-fields > li', tree)[2] as Element;
    expect(select('a.f-t', part)?.properties.href).toBe('/api-reference/schemas/part/');
    const nested = select('details.f-c .ref-fields[data-depth="1"]', part) as Element;
    expect(toText(select('.f-n', nested) as Element)).toBe('size');
    expect(toText(select('dl.f-x', nested) as Element)).toContain('>= 1');
  });
});

describe('response titles', () => {
  const response = (status: string, statusText?: string): Response => ({
    status,
    description: '',
    headers: [],
    content: [],
    isError: false,
    ...(statusText === undefined ? {} : { statusText }),
  });

  it('are the same words in the heading, the table of contents and the twin', () => {
    expect(responseTitle(response('404', 'Not Found'))).toBe('404 Not Found');
    expect(responseTitle(response('default'))).toBe('default Any other status');
    expect(responseTitle(response('299'))).toBe('299');
  });
});
