// After every build: the files a host needs to serve dist/ as `npm start` does.
//
// - A brotli and a gzip copy next to every text file of 1 KB or more (`page.html.br`,
//   `page.html.gz`), which `npm start` (sirv) and most static hosts send to clients that accept
//   them, so no response is compressed per request.
// - `_headers` (the convention of Netlify and Cloudflare Pages): the cache policy of `npm start`
//   and, on every page with a Markdown twin, the `Link` header that points agents at it.
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { FEED_URL } from '../../src/changelog.ts';
import { twinPath } from '../../src/components/page-actions/twin-path.ts';
import { CACHE_IMMUTABLE, CACHE_PAGE } from '../../src/server/http.ts';

const COMPRESSIBLE = /\.(html|md|txt|json|js|mjs|css|svg|xml)$/;
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function writeAtomic(file: string, data: Buffer | string) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/** Compresses every text file of a folder, a few at a time; returns how many it compressed. */
export async function precompress(dir: string): Promise<number> {
  const files = (await filesBelow(dir)).filter((file) => COMPRESSIBLE.test(file));
  let done = 0;
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if ((await stat(file)).size < MIN_BYTES) continue;
      const data = await readFile(file);
      // Quality 9 of 11: within a few percent of the smallest output at a fraction of the time.
      const br = await brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
      const gz = await gzipAsync(data, { level: 9 });
      await writeAtomic(`${file}.br`, br);
      await writeAtomic(`${file}.gz`, gz);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return done;
}

/** The `_headers` file of a built site: cache policy by kind of file, and each page's twin link. */
export async function headersFile(dir: string): Promise<string> {
  const files = await filesBelow(dir);
  const paths = new Set(files.map((file) => `/${relative(dir, file).split(sep).join('/')}`));
  const lines = [
    '# Written by the build (scripts/build/host-files.ts): the headers `npm start` sends.',
    '/_astro/*',
    `  Cache-Control: ${CACHE_IMMUTABLE}`,
    '/*.md',
    '  Content-Type: text/markdown; charset=utf-8',
    `  Cache-Control: ${CACHE_PAGE}`,
    '/*.txt',
    '  Content-Type: text/plain; charset=utf-8',
    `  Cache-Control: ${CACHE_PAGE}`,
    FEED_URL,
    '  Content-Type: application/atom+xml; charset=utf-8',
    `  Cache-Control: ${CACHE_PAGE}`,
  ];
  for (const path of [...paths].sort()) {
    if (!path.endsWith('/index.html')) continue;
    const page = path.slice(0, -'index.html'.length);
    const twin = twinPath(page);
    lines.push(page, `  Cache-Control: ${CACHE_PAGE}`);
    if (paths.has(twin))
      lines.push(`  Link: <${twin}>; rel="alternate"; type="text/markdown"`, '  Vary: Accept');
  }
  return `${lines.join('\n')}\n`;
}

/** The Astro integration that writes both after `astro build`. */
export function hostFiles(): AstroIntegration {
  return {
    name: 'ocpplab-host-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await writeAtomic(join(out, '_headers'), await headersFile(out));
        const count = await precompress(out);
        logger.info(`wrote _headers and brotli and gzip copies of ${count} files`);
      },
    },
  };
}
