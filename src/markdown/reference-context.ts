// What every reference twin (operation, webhook, schema, the indexes) is written with: the
// context of the page or of llms-full.txt, a page's history line, and the scope its field
// lists share.
import { type HistoryRecord, historyMarkdown } from '../history.ts';
import type { ApiModel } from '../model/types.ts';
import type { FieldScope } from './fields.ts';
import { twinHref, twinLink } from './links.ts';

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
