// What happened to each operation, webhook and schema, release by release (openapi/history.json,
// kept by `npm run sync` from its change reports), and the line their pages show from it.
import { z } from 'zod';
import { CHANGELOG_URL } from './changelog.ts';
import { historyPath, parseRecord, readRecord } from './record-file.ts';

const ReleaseSchema = z.object({ version: z.string(), anchor: z.string() }).strict();

const PageHistorySchema = z
  .object({
    /** The release that added it (absent for what the first synced contract already had). */
    added: ReleaseSchema.optional(),
    /** Every later release that changed it for clients, newest first. */
    changed: z.array(ReleaseSchema).optional(),
    /** The release that deprecated it, while it is deprecated. */
    deprecated: ReleaseSchema.optional(),
  })
  .strict();

const HistoryRecordSchema = z.object({ pages: z.record(z.string().min(1), PageHistorySchema) }).strict();

export type PageHistory = z.infer<typeof PageHistorySchema>;
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;

/** Checks a record's text; problems name the file, the place and the fix. */
export function parseHistory(text: string, file: string): HistoryRecord {
  return parseRecord(text, file, HistoryRecordSchema, 'a history record');
}

/** The history of a contract's pages; empty when there is none (fixture and benchmark contracts). */
export function readHistory(contractPath: string): HistoryRecord {
  return readRecord(historyPath(contractPath), HistoryRecordSchema, 'a history record', { pages: {} });
}

/**
 * The line under a page's title: `Added in [1.7.0](/changelog/#v1-7-0) · Changed in [1.8.0](…)
 * · Deprecated in [1.9.0](…)`, each release linked to its changelog entry; undefined when the
 * record has nothing for the page. `link` maps a site URL to the one to write (the twin's).
 */
export function historyMarkdown(
  history: PageHistory | undefined,
  link: (url: string) => string = (url) => url,
): string | undefined {
  if (history === undefined) return undefined;
  const release = (ref: z.infer<typeof ReleaseSchema>) =>
    `[${ref.version}](${link(`${CHANGELOG_URL}#${ref.anchor}`)})`;
  const parts: string[] = [];
  if (history.added !== undefined) parts.push(`Added in ${release(history.added)}`);
  if (history.changed !== undefined && history.changed.length > 0)
    parts.push(`Changed in ${history.changed.map(release).join(', ')}`);
  if (history.deprecated !== undefined) parts.push(`Deprecated in ${release(history.deprecated)}`);
  return parts.length === 0 ? undefined : `${parts.join(' · ')}.`;
}
