/**
 * An Astro integration that fails the build when a built page links to a page or file of the
 * site that was not built. starlight-links-validator checks the guides' Markdown links (with
 * their #headings) but cannot see routes rendered outside the docs collection, such as the API
 * reference; this hook reads the output itself, so those links are checked too.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type BuiltPage, findBrokenLinks, formatBrokenLink, pageUrlOf } from './links.ts';

export interface LinkCheckOptions {
  /** The site's public URL: absolute links to it are internal links. */
  site: string;
  /** Fail the build on a broken link (else only warn). */
  failOnError: boolean;
}

async function builtPages(dir: string): Promise<BuiltPage[]> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  return Promise.all(
    files.map(async (file) => ({ url: pageUrlOf(file), html: await readFile(join(dir, file), 'utf8') })),
  );
}

export function linkCheck(options: LinkCheckOptions): AstroIntegration {
  return {
    name: 'ocpplab-link-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = await builtPages(out);
        const exists = (file: string) => {
          const path = join(out, file);
          return existsSync(path) && statSync(path).isFile();
        };
        const broken = findBrokenLinks(pages, exists, options.site);
        if (broken.length === 0) {
          logger.info(`internal links of ${pages.length} pages: none broken`);
          return;
        }
        const lines = broken.map(formatBrokenLink);
        const summary = `${broken.length} broken internal link${broken.length === 1 ? '' : 's'}: fix the link or build the page it names`;
        if (!options.failOnError) {
          logger.warn([...lines, summary].join('\n'));
          return;
        }
        throw new Error([...lines, summary].join('\n'));
      },
    },
  };
}
