import { describe, expect, test } from 'vitest';
import { runtimeOf } from '../../scripts/snippets/extract.ts';
import { locateLine, noRunWithoutReason, planPrograms, renderProgram } from '../../scripts/snippets/plan.ts';
import type { CodeBlock, FenceMeta } from '../../scripts/snippets/types.ts';

function block(
  line: number,
  lang: string,
  code: string,
  options: { sequence?: boolean; meta?: FenceMeta } = {},
) {
  const result: CodeBlock = {
    page: 'docs/page.mdx',
    line,
    lang,
    runtime: runtimeOf(lang),
    title: undefined,
    meta: options.meta ?? {},
    code,
    sequence: options.sequence ?? false,
  };
  return result;
}

const baseUrl = 'https://api.ocpplab.com';

describe('planPrograms', () => {
  test('a block of an independent page is a program of its own; other languages are left out', () => {
    const plan = planPrograms([block(3, 'bash', 'a'), block(9, 'json', '{}'), block(14, 'bash', 'b')]);
    expect(plan.programs.map((program) => program.blocks.map((b) => b.line))).toEqual([[3], [14]]);
    expect(plan.settled).toEqual([]);
  });

  test('a sequence page gives one program per runtime, blocks in page order', () => {
    const blocks = [
      block(3, 'curl', 'a', { sequence: true }),
      block(8, 'python', 'b', { sequence: true }),
      block(13, 'ts', 'c', { sequence: true }),
      block(20, 'bash', 'd', { sequence: true }),
      block(25, 'py', 'e', { sequence: true }),
    ];
    const plan = planPrograms(blocks);
    expect(plan.programs.map((program) => [program.runtime, program.blocks.map((b) => b.line)])).toEqual([
      ['shell', [3, 20]],
      ['python', [8, 25]],
      ['typescript', [13]],
    ]);
  });

  test('no-run with a reason is a skip that carries it; without one it is a failure', () => {
    const plan = planPrograms([
      block(3, 'ts', 'x', { meta: { 'no-run': 'fragment of the previous example' } }),
      block(9, 'python', 'y', { meta: { 'no-run': true } }),
      block(15, 'text', 'z', { meta: { 'no-run': true } }),
    ]);
    expect(plan.programs).toEqual([]);
    expect(plan.settled.map((result) => [result.block.line, result.verdict, result.reasons])).toEqual([
      [3, 'skip', ['no-run: fragment of the previous example']],
      [9, 'fail', [noRunWithoutReason]],
    ]);
  });
});

describe('renderProgram', () => {
  test('rewrites only the documented base URL', () => {
    const code =
      'curl https://api.ocpplab.com/health "https://api.ocpplab.com" https://api.ocpplab.community/x';
    const [program] = planPrograms([block(3, 'bash', code)]).programs;
    if (!program) throw new Error('no program');
    const rendered = renderProgram(program, { baseUrl, serverUrl: 'http://127.0.0.1:4010' });
    expect(rendered.text).toBe(
      'curl http://127.0.0.1:4010/health "http://127.0.0.1:4010" https://api.ocpplab.community/x\n',
    );
    expect(rendered.extension).toBe('.sh');
  });

  test('a sequence gets a marker before each block and maps lines back to the page', () => {
    const blocks = [
      block(10, 'ts', 'const a = 1;\nconst b = 2;', { sequence: true }),
      block(20, 'ts', 'a + b;', { sequence: true }),
    ];
    const [program] = planPrograms(blocks).programs;
    if (!program) throw new Error('no program');
    const rendered = renderProgram(program, { baseUrl, serverUrl: 'http://127.0.0.1:9' });
    expect(rendered.text).toBe(
      [
        "await fetch('http://127.0.0.1:9/__snippets/block/0');",
        'const a = 1;',
        'const b = 2;',
        "await fetch('http://127.0.0.1:9/__snippets/block/1');",
        'a + b;',
        'export {};',
        '',
      ].join('\n'),
    );
    expect([2, 3, 5].map((line) => locateLine(rendered.segments, line))).toEqual([
      { block: blocks[0], line: 11 },
      { block: blocks[0], line: 12 },
      { block: blocks[1], line: 21 },
    ]);
  });
});
