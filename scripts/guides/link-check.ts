/**
 * An Astro integration that fails the build when a built page links to a page or file of the
 * site that was not built. starlight-links-validator checks the guides' Markdown links (with
 * their #headings) but cannot see routes rendered outside the docs collection, such as the API
 * reference; this hook reads the output itself, so those links are checked too.
 *
 * It comes in two parts. `start`, listed before Starlight, begins reading and parsing the built
 * pages without waiting; Starlight's own build hook then runs Pagefind, a separate process, and
 * the parsing fills the time this process would otherwise spend waiting for it. `finish`, listed
 * after Starlight, waits for the parse and reports.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { brokenLinksOf, formatBrokenLink, type ParsedPage, pageUrlOf, parseBuiltPage } from './links.ts';

export interface LinkCheckOptions {
  /** The site's public URL: absolute links to it are internal links. */
  site: string;
  /** Fail the build on a broken link (else only warn). */
  failOnError: boolean;
}

/** Every built HTML page, read and parsed one at a time (each read lets other work run). */
async function parseBuiltPages(dir: string): Promise<ParsedPage[]> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  const parsed: ParsedPage[] = [];
  for (const file of files)
    parsed.push(parseBuiltPage(pageUrlOf(file), await readFile(join(dir, file), 'utf8')));
  return parsed;
}

export interface LinkCheck {
  /** List before Starlight: starts parsing the output. */
  start: AstroIntegration;
  /** List after Starlight: waits for the parse, then reports or fails the build. */
  finish: AstroIntegration;
}

export function linkCheck(options: LinkCheckOptions): LinkCheck {
  let parsing: Promise<ParsedPage[]> | undefined;
  const start: AstroIntegration = {
    name: 'ocpplab-link-check-start',
    hooks: {
      'astro:build:done': ({ dir }) => {
        parsing = parseBuiltPages(fileURLToPath(dir));
        // Reported by `finish`; this keeps Node from calling the rejection unhandled meanwhile.
        parsing.catch(() => undefined);
      },
    },
  };
  const finish: AstroIntegration = {
    name: 'ocpplab-link-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = await (parsing ?? parseBuiltPages(out));
        parsing = undefined;
        const exists = (file: string) => {
          const path = join(out, file);
          return existsSync(path) && statSync(path).isFile();
        };
        const broken = brokenLinksOf(pages, exists, options.site);
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
  return { start, finish };
}
