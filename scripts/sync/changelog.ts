import type { Change } from './diff.ts';
import type { Provenance } from './provenance.ts';
import type { Report } from './report.ts';

export const CHANGELOG_FILE = 'docs/changelog.md';

export const CHANGELOG_HEADER = `---
title: Changelog
description: What changed in the OCPPLAB Gateway API contract, newest first.
---

Each entry below records one update of the API contract these pages document, newest first. The
entries are written by \`npm run sync\` when it brings a new contract from the SDK repository:
changes that can break an existing API client come first, then the others. Edit the text above
the first entry freely; the sync only adds entries.
`;

export interface EntryInput {
  report: Report;
  provenance: Provenance;
  /** No contract was synced before: the entry introduces the contract. */
  initial: boolean;
  /** `YYYY-MM-DD` */
  date: string;
  operations: number;
}

function origin(provenance: Provenance): string {
  const at = provenance.commit === null ? '' : ` at commit \`${provenance.commit.slice(0, 12)}\``;
  const ref = provenance.ref === null ? '' : ` (\`${provenance.ref}\`)`;
  return `Synced \`${provenance.path}\` from \`${provenance.source}\`${ref}${at}`;
}

const item = (change: Change) =>
  `- ${change.operation === null ? '' : `\`${change.operation}\`: `}${change.message}`;

/** One changelog entry in Markdown. Pure. */
export function changelogEntry({ report, provenance, initial, date, operations }: EntryInput): string {
  const version = report.to ?? 'unversioned';
  const breaking = report.changes.filter((change) => change.breaking);
  const other = report.changes.filter((change) => !change.breaking);
  const intro = initial
    ? `Initial contract: version ${version}, ${operations} operations. ${origin(provenance)}.`
    : `${origin(provenance)}; compared with version ${report.from ?? '(none)'}.`;
  const lines = [`## ${version} (${date})`, '', intro];
  if (!initial && report.changes.length === 0) {
    lines.push('', 'Nothing changed for API clients: only descriptions, examples or other details differ.');
  }
  if (breaking.length > 0) lines.push('', '**Breaking changes**', '', ...breaking.map(item));
  if (other.length > 0) lines.push('', '**Other changes**', '', ...other.map(item));
  return `${lines.join('\n')}\n`;
}

/** The page with the entry added above the previous newest one (the first `## ` heading). Pure. */
export function addEntry(page: string | undefined, entry: string): string {
  const current = page === undefined || page.trim() === '' ? CHANGELOG_HEADER : page;
  const match = /^## /m.exec(current);
  if (match === null) return `${current.trimEnd()}\n\n${entry}`;
  return `${current.slice(0, match.index)}${entry}\n${current.slice(match.index)}`;
}
