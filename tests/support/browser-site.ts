/**
 * A built site served by the server of `npm start` on a free loopback port, and Debian's
 * Chromium driven by playwright-core: what every browser test starts, and stops by itself.
 */
import type { Server } from 'node:http';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { startServer } from '../../src/server/http.ts';
import type { MockGateway } from '../../src/server/mock.ts';
import { CHROMIUM_ARGS } from './site.ts';

export interface BrowserSite {
  /** `http://127.0.0.1:<port>` */
  base: string;
  browser: Browser;
  server: Server;
  stop(): Promise<void>;
}

export async function startBrowserSite(
  distDir: string,
  options: { mock?: MockGateway } = {},
): Promise<BrowserSite> {
  const { site } = resolveSiteConfig();
  const { server, url } = await startServer({
    distDir,
    host: '127.0.0.1',
    port: 0,
    site,
    version: '0.0.0',
    ...(options.mock === undefined ? {} : { mock: options.mock }),
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    base: url,
    browser,
    server,
    async stop() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The site of `distDir` and Chromium for the tests of the enclosing `describe`: started before
 * them and stopped after, by the hooks this registers. Read `base` and `browser` inside tests.
 */
export function useBrowserSite(distDir: string): { readonly base: string; readonly browser: Browser } {
  let site: BrowserSite | undefined;
  beforeAll(async () => {
    site = await startBrowserSite(distDir);
  });
  afterAll(async () => {
    await site?.stop();
  });
  const started = (): BrowserSite => {
    if (site === undefined)
      throw new Error(`the site of ${distDir} is not started yet: read it inside a test`);
    return site;
  };
  return {
    get base() {
      return started().base;
    },
    get browser() {
      return started().browser;
    },
  };
}
