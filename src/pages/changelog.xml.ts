import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { CHANGELOG_SOURCE } from '../changelog.ts';
import { changelogFeed } from '../feed.ts';
import { config, model } from '../site.ts';

/** `/changelog.xml`: the Atom feed of the changelog, one entry per release. */
export const GET: APIRoute = () => {
  const file = join(config.docsDir, CHANGELOG_SOURCE);
  const source = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const xml = changelogFeed({ source, file, site: config.site, title: model.title });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
