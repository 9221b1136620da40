import type { Page } from '../model/pages.ts';
import type { RemovedPage } from '../urls.ts';
import { guideMarkdown } from './guide.ts';
import {
  groupMarkdown,
  overviewMarkdown,
  schemaLetterMarkdown,
  schemasIndexMarkdown,
  tagMarkdown,
} from './indexes.ts';
import { twinDocument } from './markdown.ts';
import { operationMarkdown } from './operation.ts';
import type { ReferenceContext } from './reference-context.ts';
import { removedTwin } from './removed.ts';
import { schemaMarkdown } from './schema.ts';
import { webhookMarkdown } from './webhook.ts';

/** A page that has a twin: one of the `Page` union, or the notice at a removed page's old URL. */
export type TwinPage =
  | Page
  | { kind: 'removed'; slug: string; title: string; description: string; removed: RemovedPage };

export interface TwinContext extends ReferenceContext {
  /** A guide's MDX/Markdown body, by slug (the route reads it from the content collection). */
  guideSource: (slug: string) => string | undefined;
}

/** The whole twin of any page: the header block, `# Title`, then the page's Markdown. */
export function pageTwin(page: TwinPage, context: TwinContext): string {
  return twinDocument(context.site, page.title, pageBody(page, context));
}

/** The Markdown below a page's title, by page kind. */
export function pageBody(page: TwinPage, context: TwinContext): string {
  switch (page.kind) {
    case 'guide': {
      const source = context.guideSource(page.slug);
      if (source === undefined) throw new Error(`docs/: no source for the guide '${page.slug}'.`);
      return guideMarkdown(source, { site: context.site, slug: page.slug });
    }
    case 'api-overview':
      return overviewMarkdown(context);
    case 'api-group':
      return groupMarkdown(page.group, context);
    case 'api-tag':
      return tagMarkdown(page.tag, context);
    case 'operation':
      return operationMarkdown(context.model.detail(page.operation), context);
    case 'webhook':
      return webhookMarkdown(page.webhook, context);
    case 'schema':
      return schemaMarkdown(page.schema, context);
    case 'schema-index':
      return schemasIndexMarkdown(page.listing, context);
    case 'schema-letter':
      return schemaLetterMarkdown(page.letter, page.page, context);
    case 'removed':
      return removedTwin(page.removed, context.site);
  }
}
