// The reference pages a contract publishes, as the site computes them (src/model), so the
// changelog links each change to its page and openapi/urls.json records every URL.
import { resolveSiteConfig } from '../../src/config.ts';
import { buildModel } from '../../src/model/build.ts';
import { pageUrl, referencePages } from '../../src/model/pages.ts';
import { subjectLabel } from '../../src/model/published.ts';
import type { ApiModel } from '../../src/model/types.ts';
import type { Change } from './diff.ts';

type Json = Record<string, unknown>;

/** The model the site would build from this contract (navigation and slugs; details stay lazy). */
export function modelOf(contract: Json): ApiModel {
  const { tokenEnv, maxSchemaDepth } = resolveSiteConfig({}, {});
  return buildModel(contract, { tokenEnv, maxSchemaDepth });
}

/** Kinds whose subject is documented on the reference overview (base URL, authentication). */
const OVERVIEW_KINDS = new Set<Change['kind']>([
  'server-added',
  'server-removed',
  'server-changed',
  'security-scheme-added',
  'security-scheme-removed',
  'security-scheme-changed',
]);

function labelledUrls(model: ApiModel | undefined): Map<string, string> {
  const urls = new Map<string, string>();
  if (model === undefined) return urls;
  for (const page of referencePages(model)) {
    const label = subjectLabel(page);
    if (label !== undefined) urls.set(label, pageUrl(page.slug));
    if (page.kind === 'api-overview') urls.set('', pageUrl(page.slug));
  }
  return urls;
}

/**
 * Where each change is documented: its operation's or webhook's page in the new contract, or in
 * the old one when it was removed (that URL then serves a "removed" page); the overview for
 * servers and security schemes; nothing for a version change.
 */
export function changeLinks(
  before: ApiModel | undefined,
  after: ApiModel,
): (change: Change) => string | undefined {
  const [old, next] = [labelledUrls(before), labelledUrls(after)];
  return (change) => {
    if (change.operation === null) return OVERVIEW_KINDS.has(change.kind) ? next.get('') : undefined;
    return next.get(change.operation) ?? old.get(change.operation);
  };
}
