// The sections operation and webhook twins share (parameters, a request body or payload,
// responses and errors), and the example block the schema twins use too.
import { typeLabel } from '../model/format.ts';
import { isJson } from '../model/media.ts';
import { emptyNode } from '../model/schema.ts';
import type {
  ApiModel,
  Example,
  MediaType,
  Parameter,
  RequestBody,
  Response,
  SchemaNode,
} from '../model/types.ts';
import { LOCATION_TITLE, LOCATIONS, responseTitle } from '../view/headings.ts';
import { retryAdvice } from '../view/notes.ts';
import { overviewFacts } from '../view/overview.ts';
import { type FieldScope, fieldLines, memberLines } from './fields.ts';
import { fence, inlineCode } from './markdown.ts';
import { type ReferenceContext, sectionScope } from './reference-context.ts';
import { description } from './text.ts';

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
