import { type HistoryRecord, historyMarkdown } from '../history.ts';
import { typeLabel } from '../model/format.ts';
import { isJson } from '../model/media.ts';
import { operationKey } from '../model/published.ts';
import { emptyNode } from '../model/schema.ts';
import type {
  ApiModel,
  CodeSample,
  Example,
  MediaType,
  OperationDetail,
  Parameter,
  RequestBody,
  Response,
  SchemaNode,
  SecurityRequirement,
} from '../model/types.ts';
import { LOCATION_TITLE, LOCATIONS, responseTitle } from '../view/headings.ts';
import { DEPRECATED_OPERATION, DEPRECATED_TITLE, retryAdvice } from '../view/notes.ts';
import { overviewFacts } from '../view/overview.ts';
import { authenticationSentence } from '../view/security.ts';
import { type FieldScope, fieldLines, memberLines } from './fields.ts';
import { twinHref, twinLink } from './links.ts';
import { fence, inlineCode } from './markdown.ts';
import { description } from './text.ts';

export interface ReferenceContext {
  /** The public site URL (`config.site`). */
  site: string;
  model: ApiModel;
  /**
   * `page`: a standalone twin, complete on its own (named schemas expanded once per
   * section, JSON as on the HTML page). `full`: a page inside llms-full.txt, where every
   * schema has its own section: named schemas are only named, JSON is on one line.
   */
  mode: 'page' | 'full';
  /** What each release did to each page (openapi/history.json); none: no history lines. */
  history?: HistoryRecord;
}

/** A page's history line for a twin (`Added in [1.7.0](…/changelog.md#v1-7-0)`), if it has one. */
export function historyLine(key: string, context: ReferenceContext): string[] {
  const line = historyMarkdown(context.history?.pages[key], (url) => twinHref(url, context.site));
  return line === undefined ? [] : [line];
}

/**
 * The body of an operation's twin (below its `# Title`): everything a reader
 * needs to call it without seeing any other page, in the HTML page's order
 * and under its headings: `METHOD URL`, description, authentication, code
 * samples, parameters, request body (fields and examples), responses and errors (every body
 * in full; llms-full.txt names the shared error bodies instead), callbacks.
 *
 * This is the function the snippet runner reads an operation's code blocks from.
 */
export function operationMarkdown(operation: OperationDetail, context: ReferenceContext): string {
  const blocks: string[] = [
    inlineCode(`${operation.method.toUpperCase()} ${context.model.baseUrl}${operation.path}`),
    ...historyLine(operationKey(operation), context),
  ];
  if (operation.deprecated) {
    blocks.push(`> **${DEPRECATED_TITLE}:** ${DEPRECATED_OPERATION}`);
  }
  if (operation.description) blocks.push(description(operation.description, 2));
  // In llms-full.txt the overview states the usual authentication once; operations say only when theirs differs.
  if (context.mode === 'page' || !sameSecurity(operation.security, context.model.security)) {
    blocks.push('## Authentication', authenticationSentence(operation.security));
  }
  // llms-full.txt keeps the curl call; the Python and TypeScript versions of it are in the page's own twin.
  blocks.push(...samplesSection(context.mode === 'page' ? operation.samples : operation.samples.slice(0, 1)));
  blocks.push(...parametersSection(operation.parameters, context));
  if (operation.requestBody)
    // In llms-full.txt the first request example is the body the curl call sends: shown once there.
    blocks.push(...requestBodySection(operation.requestBody, 'Request body', context, 1));
  blocks.push(...responsesSection(operation.responses, context));
  if (operation.callbacks.length > 0) {
    blocks.push(
      '## Callbacks',
      operation.callbacks
        .map(
          (callback) =>
            `- **${callback.name}**: ${inlineCode(`${callback.method.toUpperCase()} ${callback.expression}`)}: ${callback.summary}`,
        )
        .join('\n'),
    );
  }
  return blocks.join('\n\n');
}

function sameSecurity(a: SecurityRequirement[], b: SecurityRequirement[]): boolean {
  const key = (requirements: SecurityRequirement[]) =>
    JSON.stringify(requirements.map((r) => r.schemes.map(({ scheme, scopes }) => [scheme.key, scopes])));
  return key(a) === key(b);
}

/** Schema name → its twin's URL, made once per model and site (every section of every twin asks). */
const twinLinksCache = new WeakMap<ApiModel, Map<string, Map<string, string>>>();

function schemaTwinLinks(context: ReferenceContext): Map<string, string> {
  const bySite = twinLinksCache.get(context.model) ?? new Map<string, Map<string, string>>();
  twinLinksCache.set(context.model, bySite);
  let links = bySite.get(context.site);
  if (links === undefined) {
    links = new Map(
      context.model.schemas.map((schema) => [schema.name, twinLink(schema.slug, context.site)]),
    );
    bySite.set(context.site, links);
  }
  return links;
}

/** The scope fields of one page section share: a named schema is expanded at most once in it. */
export function sectionScope(context: ReferenceContext, expandNamed = context.mode === 'page'): FieldScope {
  const links = schemaTwinLinks(context);
  return {
    expanded: new Set(),
    expandNamed,
    // In llms-full.txt every schema is a section of the same file: its name finds it.
    schemaLink: (name) => (context.mode === 'page' ? links.get(name) : undefined),
    terse: context.mode === 'full',
  };
}

/** The curl, Python and TypeScript samples, consecutive and titled by their tab label. */
function samplesSection(samples: CodeSample[]): string[] {
  if (samples.length === 0) return [];
  return ['## Code samples', ...samples.map((sample) => fence(sample.lang, sample.code, sample.label))];
}

export function parametersSection(parameters: Parameter[], context: ReferenceContext): string[] {
  if (parameters.length === 0) return [];
  const blocks = ['## Parameters'];
  const scope = sectionScope(context);
  // Parameter sections in the HTML page's order, under its headings.
  for (const location of LOCATIONS) {
    const title = LOCATION_TITLE[location];
    const members = parameters.filter((parameter) => parameter.in === location);
    if (members.length === 0) continue;
    const lines = members.flatMap((parameter) =>
      fieldLines(
        {
          name: parameter.name,
          required: parameter.required,
          schema: {
            ...parameter.schema,
            deprecated: parameter.deprecated || parameter.schema.deprecated,
            ...(parameter.description === undefined ? {} : { description: parameter.description }),
          },
        },
        scope,
        0,
      ),
    );
    blocks.push(`### ${title}`, lines.join('\n'));
  }
  return blocks;
}

/** A request body (an operation's) or a payload (a webhook's): fields, then examples. */
export function requestBodySection(
  body: RequestBody,
  title: string,
  context: ReferenceContext,
  /** Examples llms-full.txt leaves out because a code sample already shows them. */
  shownElsewhere = 0,
): string[] {
  const scope = sectionScope(context);
  const blocks = [`## ${title}`];
  if (body.description) blocks.push(description(body.description, 2));
  for (const media of body.content) {
    if (body.content.length > 1) blocks.push(`### ${media.mediaType}`);
    const skip = context.mode === 'full' ? shownElsewhere : 0;
    blocks.push(...mediaBlocks(media, scope, context, body.required ? 'required' : 'optional', skip));
  }
  return blocks;
}

/** The successful responses (`## Responses`), then the errors (`## Errors`), one `###` per status, as the HTML page. */
export function responsesSection(responses: Response[], context: ReferenceContext): string[] {
  const scope = sectionScope(context);
  const success = responses.filter((response) => !response.isError);
  const errors = responses.filter((response) => response.isError);
  const blocks: string[] = [];
  if (success.length > 0)
    blocks.push('## Responses', ...success.flatMap((response) => responseBlocks(response, scope, context)));
  if (errors.length === 0) return blocks;
  blocks.push('## Errors');
  // llms-full.txt: an error with its usual meaning (the overview's table) and a shared body is one line.
  const brief = errors.map((response) =>
    context.mode === 'full' ? briefError(response, scope, context) : undefined,
  );
  const lines = brief.filter((line) => line !== undefined);
  if (lines.length > 0) blocks.push(lines.join('\n'));
  blocks.push(
    ...errors.flatMap((response, index) =>
      brief[index] === undefined ? responseBlocks(response, scope, context) : [],
    ),
  );
  return blocks;
}

/** `- 404 Not Found: `HttpErrorResponse`` when nothing about the error is particular to the operation. */
function briefError(response: Response, scope: FieldScope, context: ReferenceContext): string | undefined {
  if (usualErrors(context).get(response.status) !== response.description || response.headers.length > 0)
    return undefined;
  const bodies = response.content.map((media) => sharedErrorBody(media, scope));
  if (bodies.some((body) => body === undefined)) return undefined;
  const names = response.content.map((media) => inlineCode(media.schema?.ref ?? media.mediaType));
  return `- ${responseTitle(response)}${names.length > 0 ? `: ${names.join(', ')}` : ''}`;
}

function responseBlocks(response: Response, scope: FieldScope, context: ReferenceContext): string[] {
  const blocks = [`### ${responseTitle(response)}`];
  // In llms-full.txt the overview's error table gives a status's usual meaning and the retry rule.
  const usual =
    context.mode === 'full' &&
    response.isError &&
    usualErrors(context).get(response.status) === response.description;
  if (response.description && !usual) blocks.push(description(response.description, 2));
  if (response.isError && context.mode === 'page') {
    blocks.push(retryAdvice(response.status));
  }
  if (response.headers.length > 0) {
    const lines = response.headers.flatMap((header) =>
      fieldLines(
        {
          name: header.name,
          required: header.required,
          schema: {
            ...(header.schema ?? emptyNode('any')),
            ...(header.description === undefined ? {} : { description: header.description }),
          },
        },
        scope,
        0,
      ),
    );
    blocks.push(`Headers:\n\n${lines.join('\n')}`);
  }
  if (response.content.length === 0 && !response.isError) blocks.push('No body.');
  for (const media of response.content) {
    // A page twin is complete on its own: an error body's fields and examples are listed as any
    // other body's. llms-full.txt, which has every schema once, names the shared ones instead.
    const shared = response.isError && context.mode === 'full' ? sharedErrorBody(media, scope) : undefined;
    // llms-full.txt describes response bodies by their fields; the page twins carry the examples too.
    const skip = context.mode === 'full' ? media.examples.length : 0;
    blocks.push(...(shared ?? mediaBlocks(media, scope, context, undefined, skip)));
  }
  return blocks;
}

const usualCache = new WeakMap<ApiModel, Map<string, string>>();

/** Status → the description most operations give it (the overview's error table). */
function usualErrors(context: ReferenceContext): Map<string, string> {
  let known = usualCache.get(context.model);
  if (known === undefined) {
    known = new Map(overviewFacts(context.model).errors.map((error) => [error.status, error.description]));
    usualCache.set(context.model, known);
  }
  return known;
}

/**
 * Error bodies are the same few schemas on every operation (the HTML page folds
 * them): name the schema, whose own page has its fields and an example.
 */
function sharedErrorBody(media: MediaType, scope: FieldScope): string[] | undefined {
  const ref = media.schema?.ref;
  if (ref === undefined) return undefined;
  const link = scope.schemaLink(ref);
  return [
    `Body ${inlineCode(media.mediaType)}: ${link === undefined ? inlineCode(ref) : `[${ref}](${link})`}.`,
  ];
}

/** A media type's line, its fields and its examples. */
function mediaBlocks(
  media: MediaType,
  scope: FieldScope,
  context: ReferenceContext,
  requirement?: string,
  /** How many leading examples to leave out. */
  skipExamples = 0,
): string[] {
  const schema = media.schema;
  const qualifier = requirement === undefined ? '' : ` (${requirement})`;
  const type = schema === undefined ? '' : `: ${schemaName(schema, scope)}`;
  const blocks = [`Body ${inlineCode(media.mediaType)}${qualifier}${type}`];
  if (schema !== undefined) {
    const named =
      schema.ref !== undefined && (schema.properties !== undefined || schema.variants !== undefined);
    // In llms-full.txt a named schema's description is in its own section.
    if (schema.description && !(named && context.mode === 'full'))
      blocks.push(description(schema.description, 3));
    if (!named || context.mode === 'page') {
      if (schema.ref !== undefined) scope.expanded.add(schema.ref);
      const lines = memberLines(schema, scope);
      if (lines.length > 0) blocks.push(lines.join('\n'));
    }
  }
  const examples = media.examples.slice(skipExamples);
  blocks.push(...examples.map((example) => exampleBlock(example, media.mediaType, context)));
  return blocks;
}

function schemaName(schema: SchemaNode, scope: FieldScope): string {
  const label = inlineCode(typeLabel(schema));
  const link = schema.ref === undefined ? undefined : scope.schemaLink(schema.ref);
  return link === undefined ? label : `[${typeLabel(schema)}](${link})`;
}

/** An example as a fenced block titled like the HTML page's (`One charger`, `… (generated from the schema)`). */
export function exampleBlock(
  example: Example,
  mediaType: string,
  context: ReferenceContext,
  fallback?: string,
): string {
  const asText = typeof example.value === 'string' && !isJson(mediaType);
  const code = asText
    ? String(example.value)
    : (JSON.stringify(example.value, null, context.mode === 'page' ? 2 : undefined) ?? 'null');
  const base = example.summary ?? example.name ?? fallback;
  const title = base !== undefined && example.generated ? `${base} (generated from the schema)` : base;
  return fence(asText ? 'text' : 'json', code, title);
}
