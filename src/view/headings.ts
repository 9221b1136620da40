import type { ReferencePage } from '../model/pages.ts';
import type { ApiModel, ParameterLocation, Response, Webhook } from '../model/types.ts';
import { overviewFacts } from './overview.ts';

/**
 * Section ids and the table of contents of each reference page. Components
 * use these ids for their headings and routes pass `pageHeadings()` to
 * `<StarlightPage headings>`, so the two cannot drift apart.
 */
export const SECTION = {
  authentication: 'authentication',
  samples: 'code-samples',
  parameters: 'parameters',
  requestBody: 'request-body',
  responses: 'responses',
  errors: 'errors',
  callbacks: 'callbacks',
  payload: 'payload',
  fields: 'fields',
  example: 'example',
  usedBy: 'used-by',
  baseUrl: 'base-url',
  headers: 'common-headers',
  pagination: 'pagination',
  errorModel: 'error-model',
  async: 'asynchronous-operations',
  tryIt: 'trying-requests',
  sections: 'sections',
  operations: 'operations',
  tags: 'tags',
} as const;

export const LOCATION_TITLE: Record<ParameterLocation, string> = {
  path: 'Path parameters',
  query: 'Query parameters',
  header: 'Header parameters',
  cookie: 'Cookie parameters',
};

export const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

export function parameterSectionId(location: ParameterLocation): string {
  return `${location}-parameters`;
}

export function responseId(status: string): string {
  return `response-${status.toLowerCase()}`;
}

/** The words after a response's status: its reason phrase, or "Any other status" for `default`. */
export function responseLabel(response: Response): string | undefined {
  return response.statusText ?? (response.status === 'default' ? 'Any other status' : undefined);
}

/** `404 Not Found`, `default Any other status`: a response's heading, in the page and its twin. */
export function responseTitle(response: Response): string {
  const label = responseLabel(response);
  return label === undefined ? response.status : `${response.status} ${label}`;
}

/** One entry of a page's table of contents. */
export interface MarkdownHeading {
  depth: number;
  slug: string;
  text: string;
}

/** The headings of a Markdown description as the renderer gives them ids (ids prefixed with `idPrefix`). */
export type DescriptionHeadings = (markdown: string, idPrefix: string) => MarkdownHeading[];

/** Ids of headings inside the overview's rendered `info.description` get this prefix. */
export const OVERVIEW_ID_PREFIX = 'about-';

function h(depth: number, slug: string, text: string): MarkdownHeading {
  return { depth, slug, text };
}

interface CallShape {
  parameters: { in: ParameterLocation }[];
  requestBody?: unknown;
  responses: Response[];
}

function callHeadings(call: CallShape, bodyTitle: string, bodyId: string): MarkdownHeading[] {
  const out: MarkdownHeading[] = [];
  if (call.parameters.length > 0) {
    out.push(h(2, SECTION.parameters, 'Parameters'));
    for (const location of LOCATIONS) {
      if (call.parameters.some((parameter) => parameter.in === location)) {
        out.push(h(3, parameterSectionId(location), LOCATION_TITLE[location]));
      }
    }
  }
  if (call.requestBody !== undefined) out.push(h(2, bodyId, bodyTitle));
  const ok = call.responses.filter((response) => !response.isError);
  const errors = call.responses.filter((response) => response.isError);
  if (ok.length > 0) {
    out.push(h(2, SECTION.responses, 'Responses'));
    for (const response of ok) out.push(h(3, responseId(response.status), responseTitle(response)));
  }
  if (errors.length > 0) {
    out.push(h(2, SECTION.errors, 'Errors'));
    for (const response of errors) out.push(h(3, responseId(response.status), responseTitle(response)));
  }
  return out;
}

function webhookHeadings(webhook: Webhook): MarkdownHeading[] {
  return callHeadings(webhook, 'Payload', SECTION.payload);
}

export function pageHeadings(
  model: ApiModel,
  page: ReferencePage,
  descriptionHeadings: DescriptionHeadings,
): MarkdownHeading[] {
  switch (page.kind) {
    case 'api-overview': {
      const about =
        model.description === undefined ? [] : descriptionHeadings(model.description, OVERVIEW_ID_PREFIX);
      const facts = overviewFacts(model);
      const out = [
        ...about,
        h(2, SECTION.baseUrl, 'Base URL'),
        h(2, SECTION.authentication, 'Authentication'),
      ];
      if (facts.headers.length > 0) out.push(h(2, SECTION.headers, 'Common headers'));
      if (facts.pagination.length > 0) out.push(h(2, SECTION.pagination, 'Pagination'));
      if (facts.errors.length > 0) out.push(h(2, SECTION.errorModel, 'Errors'));
      if (facts.async.length > 0) out.push(h(2, SECTION.async, 'Asynchronous operations'));
      if (model.operations.length > 0) out.push(h(2, SECTION.tryIt, 'Trying requests'));
      out.push(h(2, SECTION.sections, 'Sections'));
      return out;
    }
    case 'api-group':
      return [h(2, SECTION.tags, 'Tags')];
    case 'api-tag':
      return [h(2, SECTION.operations, 'Operations')];
    case 'operation': {
      const detail = model.detail(page.operation);
      const out = [h(2, SECTION.authentication, 'Authentication'), h(2, SECTION.samples, 'Code samples')];
      out.push(...callHeadings(detail, 'Request body', SECTION.requestBody));
      if (detail.callbacks.length > 0) out.push(h(2, SECTION.callbacks, 'Callbacks'));
      return out;
    }
    case 'webhook':
      return webhookHeadings(page.webhook);
    case 'schema':
      return [
        h(2, SECTION.fields, 'Fields'),
        h(2, SECTION.example, 'Example'),
        h(2, SECTION.usedBy, 'Used by'),
      ];
    case 'schema-index':
    case 'schema-letter':
      return [];
  }
}
