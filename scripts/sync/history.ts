// The history record (openapi/history.json, read by src/history.ts): after each sync that adds a
// changelog entry, what that release did to each operation, webhook and schema page.
import type { HistoryRecord, PageHistory } from '../../src/history.ts';
import { referencePages } from '../../src/model/pages.ts';
import { unescapePointerToken } from '../../src/model/pointer.ts';
import { pageKey, subjectLabel } from '../../src/model/published.ts';
import type { ApiModel } from '../../src/model/types.ts';
import type { ReleaseRef } from '../../src/urls.ts';
import type { Change } from './diff.ts';

/** The change report's subject (`POST /things`, `webhook ping`) → the key of its page. */
function subjectKeys(model: ApiModel): Map<string, string> {
  const keys = new Map<string, string>();
  for (const page of referencePages(model)) {
    const label = subjectLabel(page);
    if (label !== undefined) keys.set(label, pageKey(page));
  }
  return keys;
}

/** `/components/schemas/Thing/properties/size` → `Thing` (RFC 6901 escapes undone). */
function schemaOf(pointer: string): string | undefined {
  const match = /^\/components\/schemas\/([^/]+)/.exec(pointer);
  return match?.[1] === undefined ? undefined : unescapePointerToken(match[1]);
}

/**
 * The record after a release. Rules, per page: `operation-added` and `webhook-added` set
 * `added`; `operation-deprecated` sets `deprecated`, `operation-undeprecated` clears it (and is a
 * change); every other change of the page's operation or webhook is a change of that release; a
 * change whose pointer lies in a component schema is a change of that schema's page too, and a
 * schema the old contract did not have is added. Removed pages keep their history (their notice
 * does not show it). Pure.
 */
export function updateHistory(
  record: HistoryRecord,
  changes: Change[],
  release: ReleaseRef,
  models: { before: ApiModel | undefined; after: ApiModel },
): HistoryRecord {
  const pages: Record<string, PageHistory> = structuredClone(record.pages);
  const at = (key: string): PageHistory => {
    pages[key] ??= {};
    return pages[key];
  };
  const changed = (key: string) => {
    const history = at(key);
    const list = history.changed ?? [];
    if (!list.some((ref) => ref.anchor === release.anchor)) history.changed = [release, ...list];
  };
  const keys = subjectKeys(models.after);
  const schemas = new Set(models.after.schemas.map((schema) => schema.name));
  for (const change of changes) {
    const key = change.operation === null ? undefined : keys.get(change.operation);
    if (key !== undefined) {
      if (change.kind === 'operation-added' || change.kind === 'webhook-added') at(key).added = release;
      else if (change.kind === 'operation-deprecated') at(key).deprecated = release;
      else {
        if (change.kind === 'operation-undeprecated') delete at(key).deprecated;
        changed(key);
      }
    }
    const schema = schemaOf(change.pointer);
    if (schema !== undefined && schemas.has(schema)) changed(`schema ${schema}`);
  }
  if (models.before !== undefined) {
    const old = new Set(models.before.schemas.map((schema) => schema.name));
    for (const name of schemas) if (!old.has(name)) at(`schema ${name}`).added = release;
  }
  const sorted = Object.entries(pages)
    .filter(([, history]) => Object.keys(history).length > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return { pages: Object.fromEntries(sorted) };
}
