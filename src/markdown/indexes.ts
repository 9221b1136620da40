import {
  pageUrl,
  SCHEMAS_INDEX_URL,
  type SchemaLetter,
  type SchemaListing,
  type SchemaListPage,
} from '../model/pages.ts';
import { TRY_IT_OVERVIEW } from '../model/try-it.ts';
import type { NamedSchema, NavGroup, NavTag, Parameter, SchemaNode } from '../model/types.ts';
import { isRetryable, overviewFacts } from '../view/overview.ts';
import {
  ALL_SCHEMAS_LEAD,
  letterCount,
  letterLead,
  lettersLead,
  listedSummary,
  partRange,
} from '../view/schema-listing.ts';
import { authenticationOverview } from '../view/security.ts';
import { firstParagraph } from '../view/summary.ts';
import { fieldLines } from './fields.ts';
import { twinHref, twinLink } from './links.ts';
import { inlineCode } from './markdown.ts';
import { type ReferenceContext, sectionScope } from './reference-context.ts';
import { description } from './text.ts';

/**
 * The bodies of the reference's index twins, under the HTML pages' headings:
 * the overview (the contract's introduction, base URL, authentication, common
 * headers, pagination, errors, asynchronous operations, sections), a group
 * (its tags) and a tag (its operations).
 */
export function overviewMarkdown(context: ReferenceContext): string {
  const { model, site } = context;
  const facts = overviewFacts(model);
  const blocks = [
    `${model.title} ${inlineCode(model.version)}: ${model.operations.length} operations, ${model.webhooks.length} webhooks, ${model.schemas.length} schemas.`,
  ];
  if (model.description) blocks.push(description(model.description, 0));

  blocks.push('## Base URL');
  if (model.servers.length === 0) {
    blocks.push('The contract names no server: paths are relative to the host serving the API.');
  } else {
    blocks.push(
      model.servers
        .map((server) => `- ${inlineCode(server.url)}${server.description ? ` (${server.description})` : ''}`)
        .join('\n'),
    );
  }
  blocks.push(`Every path in this reference is relative to the first URL: ${inlineCode(model.baseUrl)}.`);

  blocks.push('## Authentication', authenticationOverview(model.security, model.securitySchemes));

  const scope = sectionScope(context);
  if (facts.headers.length > 0) {
    blocks.push(
      '## Common headers',
      facts.headers
        .flatMap(({ parameter, operations }) => {
          const usage = `${parameter.required ? 'required' : 'optional'} on ${operations} of ${model.operations.length} operations`;
          const [first = '', ...rest] = fieldLines(
            { name: parameter.name, required: false, schema: withDescription(parameter) },
            scope,
            0,
          );
          return [first.replace(/\)(:|$)/, `, ${usage})$1`), ...rest];
        })
        .join('\n'),
    );
  }
  if (facts.pagination.length > 0) {
    blocks.push(
      '## Pagination',
      'List operations page through results with these query parameters:',
      facts.pagination
        .flatMap(({ parameter, operations }) => {
          const [first = '', ...rest] = fieldLines(
            { name: parameter.name, required: false, schema: withDescription(parameter) },
            scope,
            0,
          );
          return [first.replace(/\)(:|$)/, `, on ${operations} operations)$1`), ...rest];
        })
        .join('\n'),
    );
  }
  if (facts.errors.length > 0) {
    const rows = facts.errors.map((error) => {
      const slug = error.schema === undefined ? undefined : schemaSlug(context, error.schema);
      const link = slug === undefined ? undefined : twinLink(slug, site);
      const body =
        error.schema === undefined ? '' : link === undefined ? error.schema : `[${error.schema}](${link})`;
      const retry = isRetryable(error.status) ? 'Yes' : 'No';
      const meaning = error.description.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
      return `| ${inlineCode(error.status)} ${error.statusText ?? ''} | ${meaning} | ${body} | ${retry} |`;
    });
    blocks.push(
      '## Errors',
      'Errors answer with a 4xx or 5xx status and a body. Retry only timeouts, rate limits and server errors, with exponential backoff; fix the request for any other 4xx.',
      ['| Status | Meaning | Body | Retry |', '| --- | --- | --- | --- |', ...rows].join('\n'),
    );
  }
  if (facts.async.length > 0) {
    blocks.push(
      '## Asynchronous operations',
      "These operations answer `202 Accepted`: the work goes on after the response. Follow each operation's response to learn how to track it.",
      facts.async
        .map(
          ({ operation }) =>
            `- [${operation.summary}](${twinHref(`${pageUrl(operation.slug)}#response-202`, site)}) ${inlineCode(`${operation.method.toUpperCase()} ${operation.path}`)}`,
        )
        .join('\n'),
    );
  }
  if (model.operations.length > 0) blocks.push('## Trying requests', TRY_IT_OVERVIEW);
  const sections = model.groups.map((group) => {
    const count = group.tags.reduce((sum, tag) => sum + tag.operations.length, 0);
    const tags = group.tags.length > 1 ? `: ${group.tags.map((tag) => tag.name).join(', ')}` : '';
    return `- [${group.name}](${twinLink(group.pageSlug, site)})${tags} (${count} operations)`;
  });
  const firstWebhook = model.webhooks[0];
  if (firstWebhook !== undefined) {
    sections.push(`- [Webhooks](${twinLink(firstWebhook.slug, site)}) (${model.webhooks.length} webhooks)`);
  }
  if (model.schemas.length > 0) {
    sections.push(`- [Schemas](${twinHref(SCHEMAS_INDEX_URL, site)}) (${model.schemas.length} schemas)`);
  }
  blocks.push('## Sections', sections.join('\n'));
  return blocks.join('\n\n');
}

/**
 * The twin of the schemas index, as the page lists them: every schema alphabetically with its
 * first sentence, or (past `SCHEMAS_PER_PAGE`) the first letters with their counts and pages.
 */
export function schemasIndexMarkdown(listing: SchemaListing, context: ReferenceContext): string {
  if (listing.kind === 'all') return [ALL_SCHEMAS_LEAD, schemaList(listing.schemas, context)].join('\n\n');
  const link = (page: SchemaListPage, label: string) => `[${label}](${twinLink(page.slug, context.site)})`;
  const rows = listing.letters.map((letter) => {
    const [first] = letter.pages;
    const head = first === undefined ? letter.letter : link(first, letter.letter);
    const parts =
      letter.pages.length === 1
        ? ''
        : `: ${letter.pages.map((page) => link(page, partRange(page))).join(', ')}`;
    return `- ${head} (${letterCount(letter)})${parts}`;
  });
  return [lettersLead(listing.count), rows.join('\n')].join('\n\n');
}

/** The twin of a letter page: its schemas with their first sentences, and the letter's other pages. */
export function schemaLetterMarkdown(
  letter: SchemaLetter,
  page: SchemaListPage,
  context: ReferenceContext,
): string {
  const blocks = [`${letterLead(letter, page)} [All letters](${twinHref(SCHEMAS_INDEX_URL, context.site)})`];
  if (letter.pages.length > 1) {
    blocks.push(
      letter.pages
        .map((sibling) =>
          sibling.part === page.part
            ? `- ${partRange(sibling)}`
            : `- [${partRange(sibling)}](${twinLink(sibling.slug, context.site)})`,
        )
        .join('\n'),
    );
  }
  blocks.push(schemaList(page.schemas, context));
  return blocks.join('\n\n');
}

function schemaList(schemas: readonly NamedSchema[], context: ReferenceContext): string {
  return schemas
    .map((schema) => {
      const about = listedSummary(schema.description);
      return `- [${schema.name}](${twinLink(schema.slug, context.site)})${about ? `: ${about}` : ''}`;
    })
    .join('\n');
}

/** The slug of a component schema's page; undefined for a name with no page (the name is then shown unlinked). */
function schemaSlug(context: ReferenceContext, name: string): string | undefined {
  return context.model.schemas.find((schema) => schema.name === name)?.slug;
}

function withDescription(parameter: Parameter): SchemaNode {
  return parameter.description === undefined
    ? parameter.schema
    : { ...parameter.schema, description: parameter.description };
}

export function groupMarkdown(group: NavGroup, context: ReferenceContext): string {
  const tags = group.tags.map((tag) => {
    const about = firstParagraph(tag.description);
    return `- [${tag.name}](${twinLink(tag.pageSlug, context.site)}) (${tag.operations.length} operations)${about ? `: ${about}` : ''}`;
  });
  return ['## Tags', tags.join('\n')].join('\n\n');
}

export function tagMarkdown(tag: NavTag, context: ReferenceContext): string {
  const blocks: string[] = [];
  if (tag.description) blocks.push(description(tag.description, 1));
  blocks.push(
    '## Operations',
    tag.operations
      .map(
        (operation) =>
          `- [${operation.summary}](${twinLink(operation.slug, context.site)}) ${inlineCode(`${operation.method.toUpperCase()} ${operation.path}`)}${operation.deprecated ? ' (deprecated)' : ''}`,
      )
      .join('\n'),
  );
  return blocks.join('\n\n');
}
