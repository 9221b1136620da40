import { type ReferencePage, twinUrl } from '../model/pages.ts';
import type { ApiModel, Parameter, RequestBody, Response, SchemaNode } from '../model/types.ts';
import { LOCATIONS, responseId } from '../view/headings.ts';
import { fieldPage, parameterHtml, schemaRootHtml } from './fields-html.ts';
import { type ReferenceLinks, referenceLinks } from './links.ts';

/**
 * Every field list of one reference page, rendered in the order the page shows them, against
 * the page's one field budget (src/render/fields-html.ts). One function for the page and its
 * fields file (`/fields/<page>.json`): what the page defers past the budget and what the file
 * serves are the same lists, whichever of the two renders them.
 */
export interface PageFields {
  /** HTML by the anchor of its place: `query.limit` (a parameter), `body`, `response-200`, `schema`. */
  readonly html: ReadonlyMap<string, string>;
  /** Lists deferred past the budget, by id: what the page's fields file serves. */
  readonly deferred: ReadonlyMap<string, string>;
}

interface RequestLike {
  parameters: Parameter[];
  requestBody?: RequestBody | undefined;
  responses: Response[];
}

/** `body`, then `body-2`… for a second media type: each list's anchors stay unique. */
export const bodyPath = (index: number) => (index === 0 ? 'body' : `body-${index + 1}`);

/** `response-200`, then `response-200-2`… for a second media type. */
export const responsePath = (response: Response, index: number) =>
  index === 0 ? responseId(response.status) : `${responseId(response.status)}-${index + 1}`;

/** The anchor of a parameter's line: `query.limit`. */
export const parameterPath = (parameter: Parameter) =>
  `${parameter.in}.${parameter.name.replace(/\s+/g, '-')}`;

/**
 * For each error response, the earlier status whose body has the same named schema, by media
 * type: most operations answer every error with one schema, listed under the first status.
 */
export function sameBodyAs(errors: readonly Response[]): Map<string, string>[] {
  const firstStatus = new Map<string, string>();
  return errors.map((response) => {
    const same = new Map<string, string>();
    for (const media of response.content) {
      const name = media.schema?.ref;
      if (name === undefined) continue;
      const key = `${media.mediaType} ${name}`;
      const earlier = firstStatus.get(key);
      if (earlier === undefined) firstStatus.set(key, response.status);
      else same.set(media.mediaType, earlier);
    }
    return same;
  });
}

/** The field lists of an operation or webhook page: parameters, body, responses, then errors. */
export function requestFields(request: RequestLike, links: ReferenceLinks, twin?: string): PageFields {
  const page = fieldPage(undefined, twin);
  const html = new Map<string, string>();
  for (const location of LOCATIONS) {
    for (const parameter of request.parameters) {
      if (parameter.in === location)
        html.set(parameterPath(parameter), parameterHtml(parameter, links, page));
    }
  }
  request.requestBody?.content.forEach((media, index) => {
    const path = bodyPath(index);
    if (media.schema !== undefined) html.set(path, schemaRootHtml(media.schema, links, { path, page }));
  });
  const responses = (list: readonly Response[], same: readonly Map<string, string>[]) =>
    list.forEach((response, at) => {
      response.content.forEach((media, index) => {
        const path = responsePath(response, index);
        if (media.schema !== undefined && same[at]?.has(media.mediaType) !== true) {
          html.set(path, schemaRootHtml(media.schema, links, { path, page }));
        }
      });
    });
  responses(
    request.responses.filter((response) => !response.isError),
    [],
  );
  const errors = request.responses.filter((response) => response.isError);
  responses(errors, sameBodyAs(errors));
  return { html, deferred: page.deferred };
}

/** The field list of a component schema's own page (read-only and write-only fields marked). */
export function schemaFields(node: SchemaNode, links: ReferenceLinks, twin?: string): PageFields {
  const page = fieldPage(undefined, twin);
  const html = new Map([['schema', schemaRootHtml(node, links, { showAccess: true, path: 'schema', page })]]);
  return { html, deferred: page.deferred };
}

/** The URL of a page's fields file: `/fields/api-reference/schemas/charger.json`. */
export function fieldsFileUrl(slug: string): string {
  return `/fields/${slug}.json`;
}

/** A reference page with field lists: an operation's, a webhook's, a schema's. */
export type FieldsPage = Extract<ReferencePage, { kind: 'operation' | 'webhook' | 'schema' }>;

export function hasFields(page: ReferencePage): page is FieldsPage {
  return page.kind === 'operation' || page.kind === 'webhook' || page.kind === 'schema';
}

/** The field lists of a page, as its component renders them (with its twin for the toggles' note). */
export function pageFields(model: ApiModel, page: FieldsPage): PageFields {
  const links = referenceLinks(model);
  const twin = twinUrl(page.slug);
  if (page.kind === 'schema') return schemaFields(model.schemaNode(page.schema), links, twin);
  return requestFields(page.kind === 'operation' ? model.detail(page.operation) : page.webhook, links, twin);
}
