// The record of every reference URL the site has published (openapi/urls.json, kept by
// `npm run sync`), and what the build makes of it: a redirect for each page that moved, a
// "removed" page for each one that is gone.
import { z } from 'zod';
import { CHANGELOG_URL } from './changelog.ts';
import { pageUrl, REFERENCE_URL, referencePages } from './model/pages.ts';
import { isSchemaLetterKey, pageKey } from './model/published.ts';
import type { ApiModel } from './model/types.ts';
import { parseRecord, readRecord, urlRecordPath } from './record-file.ts';

const ReleaseSchema = z.object({ version: z.string(), anchor: z.string() }).strict();

const UrlEntrySchema = z
  .object({
    /** What the page documents (`pageKey`): `operation post /ocpp/chargers`. */
    page: z.string().min(1),
    /** Its title when it was last published, for the page that says it is gone. */
    title: z.string(),
    /** The release whose sync first published the URL for this page. */
    since: z.string(),
    /** The page above it (an operation's tag, a tag's group), the closest one once it is gone. */
    parent: z.string().optional(),
    /** The release from which the URL no longer serves this page: moved or removed. */
    gone: ReleaseSchema.optional(),
  })
  .strict();

const UrlRecordSchema = z
  .object({
    urls: z.record(z.string().regex(/^\/.*\/$/, 'a site path with slashes at both ends'), UrlEntrySchema),
  })
  .strict();

type UrlEntry = z.infer<typeof UrlEntrySchema>;
export type UrlRecord = z.infer<typeof UrlRecordSchema>;
export type ReleaseRef = z.infer<typeof ReleaseSchema>;

/** Checks a record's text; problems name the file, the place and the fix. */
export function parseUrlRecord(text: string, file: string): UrlRecord {
  return parseRecord(text, file, UrlRecordSchema, 'a URL record');
}

/** The record of a contract's site; empty when there is none (fixture and benchmark contracts). */
export function readUrlRecord(contractPath: string): UrlRecord {
  return readRecord(urlRecordPath(contractPath), UrlRecordSchema, 'a URL record', { urls: {} });
}

/**
 * The record after a sync: every page of `model` at its URL (new URLs `since` the release), and
 * every recorded URL that no longer serves its page marked `gone` from `release`. Without a
 * release (the contract did not change) pages are added, none is marked. Pure.
 */
export function updateUrlRecord(
  record: UrlRecord,
  model: ApiModel,
  version: string,
  release: ReleaseRef | undefined,
): UrlRecord {
  const urls: Record<string, UrlEntry> = { ...record.urls };
  const current = new Set<string>();
  for (const page of referencePages(model)) {
    const url = pageUrl(page.slug);
    const key = pageKey(page);
    current.add(url);
    const entry: UrlEntry = { page: key, title: page.title, since: version };
    const parent = parentKey(page);
    if (parent !== undefined) entry.parent = parent;
    const known = urls[url];
    // The same page back at its URL keeps its first release; another page there starts anew.
    if (known !== undefined && known.page === key) entry.since = known.since;
    urls[url] = entry;
  }
  if (release !== undefined) {
    for (const [url, entry] of Object.entries(urls)) {
      if (!current.has(url) && entry.gone === undefined) urls[url] = { ...entry, gone: release };
    }
  }
  const sorted = Object.fromEntries(Object.entries(urls).sort(([a], [b]) => a.localeCompare(b)));
  return { urls: sorted };
}

function parentKey(page: ReturnType<typeof referencePages>[number]): string | undefined {
  if (page.kind === 'operation') return `tag ${page.operation.tag.name}`;
  if (page.kind === 'api-tag') return `group ${page.group.name}`;
  if (page.kind === 'schema' || page.kind === 'schema-letter') return 'schemas';
  return undefined;
}

export interface MovedPage {
  from: string;
  to: string;
}

export interface RemovedPage {
  /** The URL it had, which now serves this notice. */
  url: string;
  slug: string;
  page: string;
  title: string;
  /** When it went, with the changelog entry that says so (absent if the record does not say). */
  release: ReleaseRef | undefined;
  changelog: string;
  /** The closest page that exists: its parent (an operation's tag), else the reference overview. */
  closest: { url: string; title: string };
}

export interface UrlPlan {
  moved: MovedPage[];
  removed: RemovedPage[];
}

/**
 * What the build serves at the recorded URLs that no longer hold their page: a redirect where
 * the page lives now (its key is in this model at another URL; a schemas letter page that is
 * gone, to the schemas index), else a "removed" page.
 */
export function urlPlan(record: UrlRecord, model: ApiModel): UrlPlan {
  const pages = referencePages(model);
  const byKey = new Map(pages.map((page) => [pageKey(page), { url: pageUrl(page.slug), title: page.title }]));
  const live = new Set(pages.map((page) => pageUrl(page.slug)));
  const moved: MovedPage[] = [];
  const removed: RemovedPage[] = [];
  const overview = byKey.get('overview') ?? { url: REFERENCE_URL, title: 'API Reference' };
  for (const [url, entry] of Object.entries(record.urls)) {
    if (live.has(url)) continue;
    // A letter page of the schemas index lists nothing the API lost: when the schemas are
    // listed otherwise (fewer, or split differently), its old URL leads to the index.
    const now = byKey.get(entry.page) ?? (isSchemaLetterKey(entry.page) ? byKey.get('schemas') : undefined);
    if (now !== undefined) {
      moved.push({ from: url, to: now.url });
      continue;
    }
    const parent = entry.parent === undefined ? undefined : byKey.get(entry.parent);
    removed.push({
      url,
      slug: url.slice(1, -1),
      page: entry.page,
      title: entry.title,
      release: entry.gone,
      changelog: entry.gone === undefined ? CHANGELOG_URL : `${CHANGELOG_URL}#${entry.gone.anchor}`,
      closest: parent ?? overview,
    });
  }
  return { moved, removed };
}
