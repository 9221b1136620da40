/**
 * A code fence's meta string (`title="Create a location" no-run="output only" {2}`), read one
 * way for the guides' twins and the snippet tests: `key="value"` (with `\"` and `\\` escapes, as
 * the reference twins write titles), `key='value'`, `key={…}`, `key=bare`, a bare `key` (true),
 * and Expressive Code's line ranges (`{1,3}`), which name nothing and are skipped.
 */

export type FenceMeta = Readonly<Record<string, string | true>>;

const metaToken = /([A-Za-z_][\w-]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\{[^}]*\}|\S+))?|\{[^}]*\}|\S+/g;

export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const attributes: Record<string, string | true> = {};
  for (const match of (meta ?? '').matchAll(metaToken)) {
    const [, key, raw] = match;
    if (key === undefined) continue;
    if (raw === undefined) attributes[key] = true;
    else if (raw.startsWith('"') && raw.endsWith('"') && raw.length > 1)
      attributes[key] = raw.slice(1, -1).replace(/\\(.)/g, '$1');
    else if (raw.startsWith("'") && raw.endsWith("'") && raw.length > 1) attributes[key] = raw.slice(1, -1);
    else attributes[key] = raw;
  }
  return attributes;
}

/** One value of a fence's meta string, when it is given with a value. */
export function metaValue(meta: string | null | undefined, name: string): string | undefined {
  const value = parseFenceMeta(meta)[name];
  return typeof value === 'string' ? value : undefined;
}
