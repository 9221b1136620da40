import { FEED_URL, parseChangelog, releaseAnchor } from '../../src/changelog.ts';
import type { Change } from './diff.ts';
import { asSyncError } from './errors-of-files.ts';
import { CHANGELOG_FILE } from './files.ts';
import type { Provenance } from './provenance.ts';
import type { Report } from './report.ts';

const CHANGELOG_HEADER = `---
title: Changelog
description: What changed in the OCPPLAB Gateway API contract, newest first.
---

Each entry below records one update of the API contract these pages document, newest first. The
entries are written by \`npm run sync\` when it brings a new contract from the SDK repository:
changes that can break an existing API client come first, then the others, each linked to the
page that documents it. Follow them in a feed reader with [the Atom feed](${FEED_URL}). Edit the
text above the first entry freely; the sync only adds entries.
`;

export interface EntryInput {
  report: Report;
  provenance: Provenance;
  /** No contract was synced before: the entry introduces the contract. */
  initial: boolean;
  /** `YYYY-MM-DD` */
  date: string;
  operations: number;
  /** The id of the entry's heading (`v1-7-0`), from `nextAnchor`. */
  anchor: string;
  /** The URL of the reference page a change is documented on, if there is one. */
  link: (change: Change) => string | undefined;
}

function origin(provenance: Provenance): string {
  const at = provenance.commit === null ? '' : ` at commit \`${provenance.commit.slice(0, 12)}\``;
  const ref = provenance.ref === null ? '' : ` (\`${provenance.ref}\`)`;
  return `Synced \`${provenance.path}\` from \`${provenance.source}\`${ref}${at}`;
}

/**
 * One change as a list item: the thing it concerns, linked to its page (an operation's page, the
 * reference overview for servers and security schemes), then what changed; a breaking change
 * says so on its own line too, so it reads as breaking wherever the line is quoted (the feed).
 */
function item(change: Change, link: string | undefined): string {
  const mark = change.breaking ? '**Breaking:** ' : '';
  if (change.operation === null) {
    const where = link === undefined ? '' : `[API reference](${link}): `;
    return `- ${mark}${where}${change.message}`;
  }
  const subject = `\`${change.operation}\``;
  return `- ${mark}${link === undefined ? subject : `[${subject}](${link})`}: ${change.message}`;
}

/** One changelog entry in Markdown. Pure. */
export function changelogEntry({
  report,
  provenance,
  initial,
  date,
  operations,
  anchor,
  link,
}: EntryInput): string {
  const version = report.to ?? 'unversioned';
  const breaking = report.changes.filter((change) => change.breaking);
  const other = report.changes.filter((change) => !change.breaking);
  const intro = initial
    ? `Initial contract: version ${version}, ${operations} operations. ${origin(provenance)}.`
    : `${origin(provenance)}; compared with version ${report.from ?? '(none)'}.`;
  const lines = [`## ${version} (${date}) {#${anchor}}`, '', intro];
  if (!initial && report.changes.length === 0) {
    lines.push('', 'Nothing changed for API clients: only descriptions, examples or other details differ.');
  }
  if (breaking.length > 0)
    lines.push('', '**Breaking changes**', '', ...breaking.map((change) => item(change, link(change))));
  if (other.length > 0)
    lines.push('', '**Other changes**', '', ...other.map((change) => item(change, link(change))));
  return `${lines.join('\n')}\n`;
}

/** The page with the entry added above the previous newest one (the first `## ` heading). Pure. */
export function addEntry(page: string | undefined, entry: string): string {
  const current = page === undefined || page.trim() === '' ? CHANGELOG_HEADER : page;
  const match = /^## /m.exec(current);
  if (match === null) return `${current.trimEnd()}\n\n${entry}`;
  return `${current.slice(0, match.index)}${entry}\n${current.slice(match.index)}`;
}

/**
 * The anchor of the entry for `version` on this page: one no release of the page has, so the
 * anchors of the entries already published stay as they are.
 */
export function nextAnchor(page: string | undefined, version: string): string {
  const taken = new Set(readReleases(page).map((release) => release.anchor));
  return releaseAnchor(version, taken);
}

/** The releases of the committed page, its problems as the sync's. */
function readReleases(page: string | undefined) {
  if (page === undefined) return [];
  return asSyncError(() => parseChangelog(page, CHANGELOG_FILE));
}
