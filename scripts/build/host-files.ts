// After every build: the files a host needs to serve dist/ as `npm start` does.
//
// - A brotli and a gzip copy next to every text file of 1 KB or more (`page.html.br`,
//   `page.html.gz`), which `npm start` (sirv) and most static hosts send to clients that accept
//   them, so no response is compressed per request.
// - `_headers` (the convention of Netlify and Cloudflare Pages): the cache policy of `npm start`
//   and, on every page with a Markdown twin, the `Link` header that points agents at it.
// - `_redirects` (the same hosts' convention), when reference pages moved or were removed
//   (openapi/urls.json): a 301 from each old URL and its twin to the new ones, and a 410 on the
//   notice a removed page's URL serves (Netlify answers it; Cloudflare Pages knows no 410 and
//   skips that line, serving the notice with 200). Astro itself writes the redirect pages
//   (meta refresh and canonical link) that any other static host serves.
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { createRedirectsFromAstroRoutes, printAsRedirects } from '@astrojs/underscore-redirects';
import type { AstroConfig, AstroIntegration, HookParameters, IntegrationResolvedRoute } from 'astro';
import { FEED_URL } from '../../src/changelog.ts';
import { twinPath } from '../../src/components/page-actions/twin-path.ts';
import { CACHE_IMMUTABLE, CACHE_PAGE } from '../../src/server/http.ts';
import type { UrlPlan } from '../../src/urls.ts';

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
async function precompress(dir: string): Promise<number> {
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
async function headersFile(dir: string): Promise<string> {
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

interface RedirectsInput {
  config: AstroConfig;
  routes: IntegrationResolvedRoute[];
  dir: URL;
  assets: HookParameters<'astro:build:done'>['assets'];
  urls: UrlPlan;
}

/**
 * The `_redirects` file: Astro's redirect routes as its own adapters print them, the twins of
 * moved pages beside them, and the 410 of each removed page; empty when nothing moved or went.
 */
function redirectsFile({ config, routes, dir, assets, urls }: RedirectsInput): string {
  const redirects = createRedirectsFromAstroRoutes({
    config,
    buildOutput: 'static',
    routeToDynamicTargetMap: new Map(routes.filter((route) => route.type === 'redirect').map((r) => [r, ''])),
    dir,
    assets,
  });
  for (const { from, to } of urls.moved)
    redirects.add({ dynamic: false, input: twinPath(from), target: twinPath(to), status: 301, weight: 2 });
  // `!`: the notice is a file at that URL, which the host would otherwise serve as it is.
  for (const { url } of urls.removed)
    redirects.add({ dynamic: false, input: url, target: url, status: 410, force: true, weight: 1 });
  if (redirects.empty()) return '';
  return `${printAsRedirects(redirects)}\n`;
}

/** The Astro integration that writes them after `astro build`. */
export function hostFiles(urls: UrlPlan): AstroIntegration {
  let config: AstroConfig | undefined;
  let routes: IntegrationResolvedRoute[] = [];
  return {
    name: 'ocpplab-host-files',
    hooks: {
      'astro:config:done': (options) => {
        config = options.config;
      },
      'astro:routes:resolved': (options) => {
        routes = options.routes;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        await writeAtomic(join(out, '_headers'), await headersFile(out));
        const written = ['_headers'];
        if (config !== undefined) {
          const redirects = redirectsFile({ config, routes, dir, assets, urls });
          if (redirects !== '') {
            await writeAtomic(join(out, '_redirects'), redirects);
            written.push(`_redirects (${urls.moved.length} moved, ${urls.removed.length} removed pages)`);
          }
        }
        const count = await precompress(out);
        logger.info(`wrote ${written.join(', ')} and brotli and gzip copies of ${count} files`);
      },
    },
  };
}
