import { describe, expect, test } from 'vitest';
import { runtimeOf } from '../../scripts/snippets/extract.ts';
import { planPrograms } from '../../scripts/snippets/plan.ts';
import { formatReport, summarize } from '../../scripts/snippets/report.ts';
import type { Execution } from '../../scripts/snippets/run.ts';
import type { CodeBlock, RecordedRequest } from '../../scripts/snippets/types.ts';
import { judgeProgram, type Observed } from '../../scripts/snippets/verdict.ts';

function block(line: number, lang: string, sequence = false): CodeBlock {
  return {
    page: 'docs/p.mdx',
    line,
    lang,
    runtime: runtimeOf(lang),
    title: undefined,
    meta: {},
    code: 'x',
    sequence,
  };
}

function execution(overrides: Partial<Execution> = {}): Execution {
  return {
    exitCode: 0,
    signal: null,
    timedOut: false,
    startError: undefined,
    output: 'out\n',
    startedAt: 1000,
    endedAt: 1500,
    ...overrides,
  };
}

const ok: RecordedRequest = { method: 'GET', path: '/health', status: 200, block: 0, violations: [] };

function observed(overrides: Partial<Observed> = {}): Observed {
  return {
    execution: execution(),
    requests: [ok],
    markers: [],
    typeErrors: new Map(),
    generalTypeErrors: [],
    baseUrl: 'https://api.ocpplab.com',
    ...overrides,
  };
}

function judgeOne(lang: string, overrides: Partial<Observed>) {
  const [program] = planPrograms([block(5, lang)]).programs;
  if (!program) throw new Error('no program');
  return judgeProgram(program, observed(overrides))[0];
}

describe('judgeProgram, one block', () => {
  test('passes when it exits 0 after a clean request', () => {
    expect(judgeOne('bash', {})).toMatchObject({ verdict: 'pass', reasons: [], durationMs: 500, output: '' });
  });

  test.each([
    {
      name: 'a non-zero exit',
      given: { execution: execution({ exitCode: 22 }) },
      want: 'exited with code 22',
    },
    {
      name: 'a timeout',
      given: { execution: execution({ timedOut: true, signal: 'SIGKILL', endedAt: 31_000 }) },
      want: 'timed out after 30s',
    },
    {
      name: 'no request at all',
      given: { requests: [] },
      want: 'made no request to the API: the snippet must call https://api.ocpplab.com (nothing reached the test server)',
    },
    {
      name: 'a request violation, even after exit 0',
      given: {
        requests: [
          {
            ...ok,
            path: '/ocpp/catalog/brands',
            status: 401,
            violations: [{ location: 'request', code: '401', message: 'Invalid security scheme used' }],
          },
        ],
      },
      want: 'request violation: GET /ocpp/catalog/brands → 401: [request] Invalid security scheme used',
    },
    {
      name: 'an interpreter that cannot start',
      given: {
        execution: execution({ exitCode: -2, startError: 'bash could not be started (spawn bash ENOENT)' }),
      },
      want: 'no way to run shell: bash could not be started (spawn bash ENOENT)',
    },
  ])('fails on $name', ({ given, want }) => {
    const result = judgeOne('bash', given);
    expect(result?.verdict).toBe('fail');
    expect(result?.reasons).toEqual([want]);
    expect(result?.output).toBe('out\n');
  });

  test('a TypeScript block fails on its type errors even when it ran', () => {
    const [program] = planPrograms([block(5, 'ts')]).programs;
    if (!program) throw new Error('no program');
    const typeErrors = new Map([[program.blocks[0] as CodeBlock, ['docs/p.mdx:7:3 TS2353 Object literal…']]]);
    expect(judgeProgram(program, observed({ typeErrors }))[0]?.reasons).toEqual([
      'does not type-check: docs/p.mdx:7:3 TS2353 Object literal…',
    ]);
  });
});

describe('judgeProgram, a sequence', () => {
  const blocks = [block(5, 'bash', true), block(15, 'bash', true), block(25, 'bash', true)];
  const [program] = planPrograms(blocks).programs;
  if (!program) throw new Error('no program');

  test('attributes the failing exit to the last block reached and marks the rest not reached', () => {
    const results = judgeProgram(
      program,
      observed({
        execution: execution({ exitCode: 1, endedAt: 1400 }),
        markers: [
          { block: 0, at: 1100 },
          { block: 1, at: 1300 },
        ],
      }),
    );
    expect(
      results.map((result) => [result.block.line, result.verdict, result.reasons, result.durationMs]),
    ).toEqual([
      [5, 'pass', [], 200],
      [15, 'fail', ['exited with code 1'], 100],
      [25, 'fail', ['not reached: the sequence stopped at docs/p.mdx:15'], undefined],
    ]);
  });

  test('a violation belongs to the block that made the request', () => {
    const violation = {
      location: 'request.body',
      code: 'required',
      message: "must have required property 'name'",
    };
    const results = judgeProgram(
      program,
      observed({
        requests: [
          ok,
          { ...ok, method: 'POST', path: '/ocpp/locations', status: 422, block: 2, violations: [violation] },
        ],
        markers: [0, 1, 2].map((index) => ({ block: index, at: 1100 + index * 100 })),
      }),
    );
    expect(results.map((result) => result.verdict)).toEqual(['pass', 'pass', 'fail']);
    expect(results[2]?.reasons).toEqual([
      "request violation: POST /ocpp/locations → 422: [request.body] must have required property 'name'",
    ]);
  });
});

describe('formatReport', () => {
  test('prints a line per block, failures in full, skips with their reason, the summary last', () => {
    const pass = judgeOne('bash', {});
    const fail = judgeOne('python', {
      execution: execution({ exitCode: 1, output: 'Traceback\nHTTPError\n' }),
    });
    const [skip] = planPrograms([{ ...block(40, 'ts'), meta: { 'no-run': 'output only' } }]).settled;
    if (!pass || !fail || !skip) throw new Error('missing result');
    expect(
      formatReport(summarize([pass, { ...fail, block: { ...fail.block, line: 12, title: 'Create' } }, skip])),
    ).toBe(`docs/p.mdx:5   bash    pass  0.50s
docs/p.mdx:12  python  fail  0.50s
    title: Create
    exited with code 1
    output:
    | Traceback
    | HTTPError
docs/p.mdx:40  ts      skip  -  no-run: output only
1 passed, 1 failed, 1 skipped
`);
  });

  test('an empty run still prints the summary', () => {
    expect(formatReport(summarize([]))).toBe('0 passed, 0 failed, 0 skipped\n');
  });
});
