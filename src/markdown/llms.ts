import { firstParagraph } from '../view/summary.ts';
import { header, siteBase } from './header.ts';
import { twinLink } from './links.ts';
import { pageBody, type TwinContext, type TwinPage } from './page.ts';

/**
 * The LLM files, per llmstxt.org: `/llms.txt` (an index of links to twins),
 * the per-section indexes (`/api-reference/llms.txt`, `/api-reference/<group>/llms.txt`)
 * and `/llms-full.txt` (every page in sidebar order).
 */
export interface LlmsInput {
  /** The site's name (Starlight's `title`): the H1. */
  title: string;
  /** One line: the `>` summary. */
  summary: string;
  /** Guides in docs sidebar order. */
  guides: readonly TwinPage[];
  /** Reference pages in `reference` order. */
  reference: readonly TwinPage[];
}

/** llmstxt.org asks for files an LLM can read at once; past this the root lists section indexes. */
const LLMS_TXT_LIMIT = 50_000;

const MAX_DESCRIPTION = 160;

/** `/llms.txt`: Docs, one section per reference group, then Optional. Falls back to section indexes when too long. */
export function llmsTxt(input: LlmsInput, context: TwinContext, limit = LLMS_TXT_LIMIT): string {
  const full = llmsTxtWith(input, context, 'pages');
  return full.length < limit ? full : llmsTxtWith(input, context, 'indexes');
}

function llmsTxtWith(input: LlmsInput, context: TwinContext, reference: 'pages' | 'indexes'): string {
  const base = siteBase(context.site);
  const sections: [string, string[]][] = [['Docs', input.guides.map((page) => linkItem(page, context))]];
  for (const group of context.model.groups) {
    if (reference === 'indexes') {
      const count = group.tags.reduce((sum, tag) => sum + tag.operations.length, 0);
      sections.push([
        group.name,
        [
          `- [${group.name} index](${base}/${group.pageSlug}/llms.txt): links to the ${count} operations of ${group.tags.map((tag) => tag.name).join(', ')}`,
        ],
      ]);
    } else {
      sections.push([
        group.name,
        groupPages(input.reference, group.pageSlug).map((page) => linkItem(page, context)),
      ]);
    }
  }
  const optional = input.reference.filter(
    (page) =>
      page.kind === 'api-overview' ||
      page.kind === 'webhook' ||
      page.kind === 'schema-index' ||
      page.kind === 'schema-letter',
  );
  const schemas = input.reference.filter((page) => page.kind === 'schema');
  sections.push([
    'Optional',
    [
      ...optional.map((page) => linkItem(page, context)),
      ...(reference === 'pages'
        ? schemas.map((page) => linkItem(page, context))
        : [
            `- [API reference index](${base}/api-reference/llms.txt): every reference page, schemas included`,
          ]),
      `- [OpenAPI contract](${base}/openapi.json): the API contract (OpenAPI 3.1 JSON) every reference page is made from`,
      `- [Full documentation](${base}/llms-full.txt): every page of this index in one file`,
    ],
  ]);
  return document(input, context, sections);
}

/** `/api-reference/llms.txt` or `/api-reference/<group>/llms.txt`: the reference pages below a section. */
export function sectionLlmsTxt(input: LlmsInput, context: TwinContext, sectionSlug: string): string {
  const group = context.model.groups.find((candidate) => candidate.pageSlug === sectionSlug);
  const sections: [string, string[]][] =
    group === undefined
      ? [
          ...context.model.groups.map((each): [string, string[]] => [
            each.name,
            groupPages(input.reference, each.pageSlug).map((page) => linkItem(page, context)),
          ]),
          [
            'Optional',
            input.reference
              .filter(
                (page) =>
                  page.slug === sectionSlug || !context.model.groups.some((g) => inside(page, g.pageSlug)),
              )
              .map((page) => linkItem(page, context)),
          ],
        ]
      : [[group.name, groupPages(input.reference, group.pageSlug).map((page) => linkItem(page, context))]];
  const title = group === undefined ? `${input.title}: API reference` : `${input.title}: ${group.name}`;
  return document({ ...input, title }, context, sections);
}

/** The section slugs that have an index of their own: the reference root and each group. */
export function sectionSlugs(context: TwinContext, referenceSlug: string): string[] {
  return [referenceSlug, ...context.model.groups.map((group) => group.pageSlug)];
}

function groupPages(pages: readonly TwinPage[], groupSlug: string): TwinPage[] {
  return pages.filter((page) => inside(page, groupSlug));
}

function inside(page: TwinPage, slug: string): boolean {
  return page.slug === slug || page.slug.startsWith(`${slug}/`);
}

function document(input: LlmsInput, context: TwinContext, sections: [string, string[]][]): string {
  const base = siteBase(context.site);
  const intro = [
    `# ${input.title}`,
    `> ${oneLine(input.summary)}`,
    `Each link below points at a page's Markdown twin: any page of ${base} is available as clean Markdown by appending \`.md\` to its URL (\`${base}/quickstart/\` → \`${base}/quickstart.md\`). ${base}/llms-full.txt holds every page in one file; ${base}/openapi.json is the API contract.`,
  ];
  const body = sections
    .filter(([, items]) => items.length > 0)
    .map(([name, items]) => `## ${name}\n\n${items.join('\n')}`);
  return `${[...intro, ...body].join('\n\n')}\n`;
}

function linkItem(page: TwinPage, context: TwinContext): string {
  const about = shortDescription(page);
  return `- [${escapeLinkText(page.title)}](${twinLink(page.slug, context.site)})${about === '' ? '' : `: ${about}`}`;
}

function shortDescription(page: TwinPage): string {
  const text = firstParagraph(page.description);
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The parts of `/llms-full.txt`: the preamble, then one entry per page, each introduced by its twin's URL. */
export interface LlmsFull {
  preamble: string;
  guides: string[];
  reference: string[];
}

/**
 * Every page in sidebar order (guides, then the reference in `reference` order),
 * each introduced by its URL. Pages are their twins without the repeated header
 * block, and with the reference in `full` mode: a named schema is described once,
 * in its own section, and operations name it (see `ReferenceContext.mode`).
 */
export function llmsFullParts(input: LlmsInput, context: TwinContext): LlmsFull {
  const full: TwinContext = { ...context, mode: 'full' };
  const entry = (page: TwinPage) => {
    const body = pageBody(page, full).trim();
    return `Source: ${twinLink(page.slug, context.site)}\n\n# ${page.title}\n${body === '' ? '' : `\n${body}\n`}`;
  };
  const preamble = [
    header(context.site),
    `# ${input.title}`,
    `> ${oneLine(input.summary)}`,
    "Every page of the documentation follows, in sidebar order: the guides, then the API reference. Each starts with a `Source:` line, the URL of its Markdown twin. In the API reference, a named schema (`ChargerResponse`) is described once, in its own page near the end; operations and other schemas name it. Operations show their curl call, and their authentication only where it differs from the overview's; each operation's own twin (its `Source:` URL) also has the same call in Python (`requests`) and TypeScript (`openapi-fetch`).",
  ].join('\n\n');
  return {
    preamble: `${preamble}\n`,
    guides: input.guides.map(entry),
    reference: input.reference.map(entry),
  };
}

export function llmsFull(input: LlmsInput, context: TwinContext): string {
  const parts = llmsFullParts(input, context);
  return [parts.preamble, ...parts.guides, ...parts.reference].join('\n---\n\n');
}
