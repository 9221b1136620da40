import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, relative } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MockServer, startPrism } from '../../scripts/snippets/prism.ts';
import { buildRequest, defaultInputs, inputProblems } from '../../src/components/try-it/request.ts';
import { resolveSiteConfig } from '../../src/config.ts';
import type { TryItSpec } from '../../src/model/try-it.ts';
import { contractValidator } from '../../src/model/validator.ts';
import { startServer } from '../../src/server/http.ts';
import { MockGateway } from '../../src/server/mock.ts';
import { CHROMIUM_ARGS } from '../support/site.ts';

const outDir = inject('committedSite');
const CREATE_CHARGER = '/api-reference/core-resources/chargers/create/';
const TOKEN = 'try-it-secret-token';

/** Every console file of the built site, with the page it belongs to. */
function specs(): { file: string; spec: TryItSpec }[] {
  const root = join(outDir, 'try-it');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) =>
    name.endsWith('.json'),
  );
  return files.map((name) => ({
    file: relative(outDir, join(root, name)),
    spec: JSON.parse(readFileSync(join(root, name), 'utf8')) as TryItSpec,
  }));
}

describe('"Try it" against the mock of the committed contract', () => {
  let server: Server;
  let base: string;
  let prism: MockServer;
  let browser: Browser;

  beforeAll(async () => {
    const { site } = resolveSiteConfig();
    const mock = new MockGateway();
    const starting = startPrism({ root: process.cwd(), contractPath: join(outDir, 'openapi.json') });
    mock.attach(starting.then((running) => running.url));
    prism = await starting;
    const started = await startServer({
      distDir: outDir,
      host: '127.0.0.1',
      port: 0,
      site,
      version: '0.0.0',
      mock,
    });
    server = started.server;
    base = started.url;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await prism?.stop();
  });

  it('has a console file per operation, and each operation with a 2xx body gets one from the mock with the prefilled request', async () => {
    const all = specs();
    const operations = JSON.parse(readFileSync(join(outDir, 'openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const declared = Object.values(operations.paths).flatMap((item) =>
      Object.keys(item).filter((key) => ['get', 'put', 'post', 'delete', 'patch'].includes(key)),
    );
    expect(all.length).toBe(declared.length);
    const failures: string[] = [];
    let sent = 0;
    for (const { file, spec } of all) {
      const inputs = defaultInputs(spec);
      const validatorFor = contractValidator(spec.document, spec.dialect);
      const problems = inputProblems(spec, inputs, (pointer, value) => {
        const validate = validatorFor(pointer);
        validate(value);
        return (validate.errors ?? []) as never;
      });
      if (problems.length > 0)
        failures.push(`${file}: prefilled inputs break the contract: ${JSON.stringify(problems)}`);
      const schemes = spec.security.find((alternative) => alternative.length > 0) ?? [];
      const credentials = Object.fromEntries(schemes.map((scheme) => [scheme.key, { secret: TOKEN }]));
      const request = buildRequest(spec, inputs, `${base}/_mock`, schemes, credentials);
      const answer = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      const text = await answer.text();
      sent += 1;
      if (answer.status < 200 || answer.status > 299 || text === '')
        failures.push(`${file}: ${request.method} ${request.url} → ${answer.status} ${text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect(sent).toBe(all.length);
  });

  async function openConsole(url: string, width = 1440): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}${url}`);
    await page.click('.ref-try-open');
    await page.waitForSelector('.ref-try-send');
    return page;
  }

  for (const url of [
    CREATE_CHARGER,
    '/api-reference/core-resources/chargers/get-logs/',
    '/api-reference/core-resources/locations/delete/',
    '/api-reference/ocpi/ocpi-cpos/list/',
  ]) {
    it(`sends ${url} from the page to the mock and shows status, time, body and curl`, async () => {
      const page = await openConsole(url);
      try {
        expect(
          await page.$eval(
            '.ref-try-form select',
            (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent,
          ),
        ).toContain('Mock of the contract');
        await page.fill('.ref-try-form input[type="password"]', TOKEN);
        await page.click('.ref-try-send');
        const status = await page.waitForSelector('.ref-try-status');
        expect(await status.getAttribute('data-status')).toMatch(/^2\d\d$/);
        expect(await status.textContent()).toMatch(/ in \d+ ms$/);
        expect(
          (await page.textContent('.ref-try-body'))?.trim().startsWith('{') ||
            (await page.textContent('.ref-try-body'))?.trim().startsWith('['),
        ).toBe(true);
        const curl = (await page.textContent('.ref-try-curl pre')) ?? '';
        expect(curl).toContain(`-X ${(await page.textContent('.ref-try-send'))?.replace('Send ', '')}`);
        expect(curl).toContain('Authorization: Bearer $OCPPLAB_TOKEN');
        expect(curl).not.toContain(TOKEN);
        const stored = await page.evaluate(() => ({
          local: JSON.stringify({ ...localStorage }),
          session: JSON.stringify({ ...sessionStorage }),
          url: location.href,
        }));
        expect(stored.local).not.toContain(TOKEN);
        expect(stored.url).not.toContain(TOKEN);
        expect(stored.session).toContain(TOKEN);
      } finally {
        await page.context().close();
      }
    });
  }

  it("flags an invalid body at its field before sending; sent anyway, shows the mock's violation", async () => {
    const page = await openConsole(CREATE_CHARGER);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/_mock/')) requests.push(request.url());
    });
    try {
      await page.fill('.ref-try-form input[type="password"]', TOKEN);
      const body = JSON.parse(await page.inputValue('.ref-try-form textarea')) as Record<string, unknown>;
      delete body.identity;
      body.ocpp_version = 'OCPP9';
      await page.fill('.ref-try-form textarea', JSON.stringify(body, null, 2));
      await page.click('.ref-try-send');
      const problems = await page.locator('.ref-try-problems li').allTextContents();
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^body\.identity is required/),
          expect.stringMatching(/^body\.ocpp_version must be one of/),
        ]),
      );
      // The problem links to the field's description on the page.
      expect(await page.getAttribute('.ref-try-problems li a', 'href')).toMatch(/^#body\./);
      expect(await page.textContent('.ref-try-result')).toContain('Not sent');
      expect(requests).toEqual([]);
      await page.click('text=Send anyway');
      const status = await page.waitForSelector('.ref-try-status');
      expect(await status.getAttribute('data-status')).toMatch(/^4\d\d$/);
      // Prism names what it refused, at the request's own places.
      const violations = await page.locator('.ref-try-violations li').allTextContents();
      expect(violations.join('\n')).toMatch(/body.*identity/);
      expect(violations.join('\n')).toMatch(/body\.ocpp_version/);
      expect(requests.length).toBe(1);
    } finally {
      await page.context().close();
    }
  });

  it('without a token, shows the mock refusing the call; "Forget credentials" empties sessionStorage', async () => {
    const page = await openConsole(CREATE_CHARGER);
    try {
      await page.fill('.ref-try-form input[type="password"]', TOKEN);
      await page.click('.ref-try-send');
      await page.waitForSelector('.ref-try-status[data-status^="2"]');
      await page.click('text=Forget credentials');
      expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(TOKEN);
      expect(await page.inputValue('.ref-try-form input[type="password"]')).toBe('');
      await page.click('.ref-try-send');
      const status = await page.waitForSelector('.ref-try-status[data-status="401"]');
      expect(await status.textContent()).toContain('401');
    } finally {
      await page.context().close();
    }
  });

  it('explains a server the browser cannot reach (CORS or down) and points at curl', async () => {
    const page = await openConsole(CREATE_CHARGER);
    try {
      // Requests to the contract's real server never leave the machine: the test answers them as a
      // server without CORS headers would look to the page (a network failure).
      await page.route('https://api.ocpplab.com/**', (route) => route.abort('failed'));
      await page.selectOption('.ref-try-form select', { label: 'Production: https://api.ocpplab.com' });
      await page.fill('.ref-try-form input[type="password"]', TOKEN);
      await page.click('.ref-try-send');
      const failure = await page.waitForSelector('.ref-try-failure');
      const text = (await failure.textContent()) ?? '';
      expect(text).toContain('does not allow requests from this page (CORS)');
      expect(text).toContain('Access-Control-Allow-Origin: ');
      expect(text).toContain('run the curl command below');
    } finally {
      await page.context().close();
    }
  });

  it('at 390 px the opened console causes no horizontal scroll', async () => {
    const page = await openConsole(CREATE_CHARGER, 390);
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.context().close();
    }
  });
});
