/**
 * Scenario tests: the runner against a real Prism, started per run from the project's contract or
 * from a modified copy of it, over the fixture pages of tests/fixtures/snippets/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveSnippetConfig } from '../../scripts/snippets/config.ts';
import { formatReport, summarize } from '../../scripts/snippets/report.ts';
import { runSnippets } from '../../scripts/snippets/runner.ts';
import { docsSnippetSources } from '../../scripts/snippets/sources.ts';
import type { BlockResult } from '../../scripts/snippets/types.ts';
import { snippetCli as cli, type DriftDocument, driftedContract as driftedCopy, root } from './helpers.ts';

const fixtures = join(root, 'tests/fixtures/snippets');
const page = (dir: string, name: string) => `tests/fixtures/snippets/${dir}/docs/${name}`;
const timeout = 180_000;

function verdicts(results: readonly BlockResult[]): string[] {
  return results.map(
    (result) => `${result.block.page}:${result.block.line} ${result.block.lang} ${result.verdict}`,
  );
}

async function run(
  dir: string,
  contractPath = 'openapi/openapi.json',
  server = resolveSnippetConfig().server,
) {
  const sources = await docsSnippetSources(join(fixtures, dir, 'docs'), root);
  return runSnippets(sources, resolveSnippetConfig({ root, contractPath, server }));
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ocpplab-snippet-tests-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of the project's contract with one change, for the drift tests. */
const driftedContract = (name: string, edit: (document: DriftDocument) => void) =>
  driftedCopy(scratch, name, edit);

describe.concurrent('runSnippets against Prism', () => {
  // One Prism for the passing and the failing fixtures: starting it is the slow part.
  const both = (async () => {
    const sources = [
      ...(await docsSnippetSources(join(fixtures, 'pass', 'docs'), root)),
      ...(await docsSnippetSources(join(fixtures, 'fail', 'docs'), root)),
    ];
    return runSnippets(sources, resolveSnippetConfig({ root }));
  })();
  both.catch(() => undefined);
  const passing = async () => {
    const summary = await both;
    return summary.results.filter((result) => result.block.page.startsWith(page('pass', '')));
  };
  const failing = async () => {
    const summary = await both;
    return summary.results.filter((result) => result.block.page.startsWith(page('fail', '')));
  };

  test(
    'curl, Python and TypeScript blocks pass, alone and as a sequence; no-run is skipped with its reason',
    async () => {
      const results = await passing();
      expect(verdicts(results)).toEqual([
        `${page('pass', 'catalog.mdx')}:10 curl pass`,
        `${page('pass', 'catalog.mdx')}:18 python pass`,
        `${page('pass', 'catalog.mdx')}:37 ts pass`,
        `${page('pass', 'catalog.mdx')}:56 ts skip`,
        `${page('pass', 'health.md')}:9 bash pass`,
        `${page('pass', 'locations.mdx')}:10 bash pass`,
        `${page('pass', 'locations.mdx')}:20 python pass`,
        `${page('pass', 'locations.mdx')}:38 ts pass`,
        `${page('pass', 'sequence.mdx')}:13 bash pass`,
        `${page('pass', 'sequence.mdx')}:24 python pass`,
        `${page('pass', 'sequence.mdx')}:39 ts pass`,
        `${page('pass', 'sequence.mdx')}:70 bash pass`,
        `${page('pass', 'sequence.mdx')}:78 python pass`,
        `${page('pass', 'sequence.mdx')}:87 ts pass`,
      ]);
      expect(results[3]?.reasons).toEqual(['no-run: fragment of the previous example']);
      // The second block of each sequence read what the first created: its requests are its own.
      const reads = results.filter((result) => result.block.page.endsWith('sequence.mdx')).slice(3);
      expect(
        reads.map((result) => result.requests.map((request) => `${request.method} ${request.status}`)),
      ).toEqual([['GET 200'], ['GET 200'], ['GET 200']]);
    },
    timeout,
  );

  test(
    'fails a block that exits 0 without calling the API, one that hid a violation, and a no-run without a reason',
    async () => {
      const results = await failing();
      expect(verdicts(results)).toEqual([
        `${page('fail', 'no-reason.md')}:5 python fail`,
        `${page('fail', 'no-request.md')}:5 python fail`,
        `${page('fail', 'violation.md')}:7 bash fail`,
      ]);
      expect(results.map((result) => result.reasons)).toEqual([
        ['no-run needs a reason: write no-run="why this block does not run" in the fence meta'],
        [
          'made no request to the API: the snippet must call https://api.ocpplab.com (nothing reached the test server)',
        ],
        ['request violation: GET /ocpp/catalog/brands → 401: [request] Invalid security scheme used'],
      ]);
      const report = formatReport(summarize(results));
      expect(report).toContain(`${page('fail', 'violation.md')}:7   bash    fail`);
      expect(report).toContain(
        '    request violation: GET /ocpp/catalog/brands → 401: [request] Invalid security scheme used',
      );
      expect(report).toMatch(/\n0 passed, 3 failed, 0 skipped\n$/);
    },
    timeout,
  );

  test(
    'catches a renamed required request property, naming the page and line of every affected block',
    async () => {
      const contract = await driftedContract('renamed', (document) => {
        const schema = document.components.schemas.LocationCreate;
        if (!schema) throw new Error('LocationCreate is gone from the contract');
        const { name, ...rest } = schema.properties;
        schema.properties = { label: name, ...rest };
        schema.required = schema.required.map((field) => (field === 'name' ? 'label' : field));
      });
      const summary = await run('drift', contract);
      const locations = page('drift', 'locations.mdx');
      expect(verdicts(summary.results)).toEqual([
        `${page('drift', 'catalog.mdx')}:10 curl pass`,
        `${page('drift', 'catalog.mdx')}:18 python pass`,
        `${page('drift', 'catalog.mdx')}:37 ts pass`,
        `${page('drift', 'catalog.mdx')}:56 ts skip`,
        `${locations}:10 bash fail`,
        `${locations}:20 python fail`,
        `${locations}:38 ts fail`,
      ]);
      const violation =
        "request violation: POST /ocpp/locations → 422: [request.body] Request body must have required property 'label'";
      const [curl, python, ts] = summary.results.slice(4);
      expect(curl?.reasons).toEqual(['exited with code 22', violation]);
      expect(python?.reasons).toEqual(['exited with code 1', violation]);
      expect(ts?.reasons[0]).toBe('exited with code 1');
      expect(ts?.reasons[1]).toBe(violation);
      expect(ts?.reasons[2]).toMatch(
        new RegExp(
          `^does not type-check: ${locations}:49:5 TS2353 Object literal may only specify known properties, and 'name' does not exist`,
        ),
      );
      expect(formatReport(summary)).toMatch(/\n3 passed, 3 failed, 1 skipped\n$/);
    },
    timeout,
  );

  test(
    'catches a removed operation, naming the page and line of every affected block',
    async () => {
      const contract = await driftedContract('removed', (document) => {
        delete document.paths['/ocpp/catalog/brands'];
      });
      const summary = await run('drift', contract);
      const catalog = page('drift', 'catalog.mdx');
      expect(verdicts(summary.results).slice(0, 4)).toEqual([
        `${catalog}:10 curl fail`,
        `${catalog}:18 python fail`,
        `${catalog}:37 ts fail`,
        `${catalog}:56 ts skip`,
      ]);
      const violation =
        "request violation: GET /ocpp/catalog/brands?limit=10 → 404: [request] Route not resolved, no path matched: The route /ocpp/catalog/brands hasn't been found in the specification file";
      expect(summary.results[0]?.reasons).toEqual(['exited with code 22', violation]);
      expect(summary.results[1]?.reasons).toEqual(['exited with code 1', violation]);
      expect(summary.results[2]?.reasons.join('\n')).toContain(
        `does not type-check: ${catalog}:46:42 TS2345 Argument of type '"/ocpp/catalog/brands"' is not assignable`,
      );
      expect(formatReport(summary)).toMatch(/\n3 passed, 3 failed, 1 skipped\n$/);
    },
    timeout,
  );

  test(
    'fails a block that sends a query parameter or header its operation does not declare, naming it',
    async () => {
      const sources = [
        {
          page: 'docs/undeclared.md',
          markdown: [
            '```bash',
            'curl --fail-with-body -sS "https://api.ocpplab.com/ocpp/catalog/brands?old_name=10" \\',
            '  -H "Authorization: Bearer $OCPPLAB_TOKEN" -H "X-Debug: 1"',
            '```',
            '',
            '```python',
            'import os',
            '',
            'import requests',
            '',
            'response = requests.get(',
            '    "https://api.ocpplab.com/ocpp/catalog/brands",',
            '    params={"limit": 10, "page": 1},',
            '    headers={"Authorization": f"Bearer {os.environ[\'OCPPLAB_TOKEN\']}"},',
            '    timeout=30,',
            ')',
            'response.raise_for_status()',
            '```',
            '',
            '```js',
            "const response = await fetch('https://api.ocpplab.com/ocpp/catalog/brands?limit=5', {",
            `  headers: { Authorization: \`Bearer \${process.env.OCPPLAB_TOKEN}\` },`,
            '});',
            'if (!response.ok) throw new Error(String(response.status));',
            '```',
            '',
          ].join('\n'),
          sequence: false,
        },
      ];
      const summary = await runSnippets(sources, resolveSnippetConfig({ root }));
      // curl, then requests and Node's fetch with only declared parameters and their own headers.
      expect(verdicts(summary.results)).toEqual([
        'docs/undeclared.md:1 bash fail',
        'docs/undeclared.md:6 python pass',
        'docs/undeclared.md:20 js pass',
      ]);
      expect(summary.results[0]?.reasons).toEqual([
        'request violation: GET /ocpp/catalog/brands?old_name=10 → 200: [request.query.old_name] GET /ocpp/catalog/brands declares no query parameter old_name (openapi/openapi.json); remove it from the example, or declare it in the contract',
        'request violation: GET /ocpp/catalog/brands?old_name=10 → 200: [request.header.x-debug] GET /ocpp/catalog/brands declares no header x-debug (openapi/openapi.json); remove it from the example, or declare it in the contract',
      ]);
      expect(formatReport(summary)).toContain('docs/undeclared.md:1 ');
    },
    timeout,
  );

  test(
    'catches a renamed query parameter: the blocks still sending the old name fail, naming it',
    async () => {
      const contract = await driftedContract('renamed-query', (document) => {
        const list = (document.paths['/ocpp/catalog/brands'] as { get: { parameters: { name: string }[] } })
          .get.parameters;
        const limit = list.find((parameter) => parameter.name === 'limit');
        if (!limit) throw new Error('GET /ocpp/catalog/brands has no limit parameter any more');
        limit.name = 'max_items';
      });
      const summary = await run('drift', contract);
      const catalog = page('drift', 'catalog.mdx');
      expect(verdicts(summary.results).slice(0, 3)).toEqual([
        `${catalog}:10 curl fail`,
        `${catalog}:18 python fail`,
        `${catalog}:37 ts fail`,
      ]);
      const violation = `[request.query.limit] GET /ocpp/catalog/brands declares no query parameter limit (${relative(root, contract)}); remove it from the example, or declare it in the contract`;
      expect(summary.results[0]?.reasons).toEqual([
        `request violation: GET /ocpp/catalog/brands?limit=10 → 200: ${violation}`,
      ]);
      expect(summary.results[1]?.reasons).toEqual([
        `request violation: GET /ocpp/catalog/brands?limit=10 → 200: ${violation}`,
      ]);
      expect(summary.results[2]?.reasons.join('\n')).toContain(violation);
    },
    timeout,
  );

  test(
    'against a real API (OCPPLAB_BASE_URL with a path prefix): exit 0 and one request through the proxy pass',
    async () => {
      const seen: string[] = [];
      const api = createServer((request, response) => {
        seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      });
      await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
      const address = api.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      try {
        const sources = [
          {
            page: 'docs/real.md',
            markdown:
              '```bash\ncurl --fail-with-body -sS https://api.ocpplab.com/health -H "Authorization: Bearer $OCPPLAB_TOKEN"\n```\n\n```python\nprint("no call")\n```\n',
            sequence: false,
          },
        ];
        const server = {
          kind: 'remote' as const,
          baseUrl: `http://127.0.0.1:${port}/v1`,
          token: 'staging-token',
        };
        const summary = await runSnippets(sources, resolveSnippetConfig({ root, server }));
        expect(verdicts(summary.results)).toEqual(['docs/real.md:1 bash pass', 'docs/real.md:5 python fail']);
        expect(seen).toEqual(['GET /v1/health Bearer staging-token']);
      } finally {
        api.close();
      }
    },
    timeout,
  );
});

describe.concurrent('npm run test:snippets', () => {
  test(
    'a docs folder without code blocks reports 0 passed, 0 failed, 0 skipped and exits 0',
    async () => {
      const { stdout } = await cli('--docs', 'tests/fixtures/snippets/empty/docs', '--docs-only');
      expect(stdout.split('\n').at(-2)).toBe('0 passed, 0 failed, 0 skipped');
    },
    timeout,
  );

  test(
    'exits 1 when an example of the contract does not match its schema, and names it',
    async () => {
      const contract = await driftedContract('bad-example', (document) => {
        const schema = document.components.schemas.LocationCreate;
        if (!schema) throw new Error('LocationCreate is gone from the contract');
        schema.required = [...schema.required, 'timezone'];
      });
      const failure = await cli(
        '--docs',
        'tests/fixtures/snippets/empty/docs',
        '--docs-only',
        '--contract',
        contract,
      ).then(
        () => undefined,
        (error: { code?: number; stdout?: string }) => error,
      );
      expect(failure?.code).toBe(1);
      const lines = failure?.stdout?.split('\n') ?? [];
      expect(lines).toContain(
        `${relative(root, contract)}: example at /paths/~1ocpp~1locations/post/requestBody/content/application~1json/example does not match its schema: (root) must have required property 'timezone'`,
      );
      expect(lines.at(-2)).toBe('0 passed, 0 failed, 0 skipped');
    },
    timeout,
  );
});
