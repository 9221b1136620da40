/**
 * A built site served by the server of `npm start` on a free loopback port, and Debian's
 * Chromium driven by playwright-core: what every browser test starts, and stops by itself.
 */
import type { Server } from 'node:http';
import { type Browser, chromium } from 'playwright-core';
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
