/**
 * Plan: blocks → programs. A block of an independent page is a program of its own. On a
 * `snippets: sequence` page, the runnable blocks of one runtime are joined in page order into one
 * program, so later blocks see the variables of earlier ones (a page with curl, Python and
 * TypeScript tabs gives three programs). Pure.
 */
import type { BlockResult, CodeBlock, Runtime } from './types.ts';

export interface Program {
  id: string;
  runtime: Runtime;
  /** Blocks in execution order; more than one only for a sequence. */
  blocks: CodeBlock[];
  sequence: boolean;
}

export interface Plan {
  programs: Program[];
  /** Results known without running: `no-run` skips and malformed `no-run` failures. */
  settled: BlockResult[];
}

export const noRunWithoutReason =
  'no-run needs a reason: write no-run="why this block does not run" in the fence meta';

function settle(block: CodeBlock, verdict: 'skip' | 'fail', reason: string): BlockResult {
  return { block, verdict, durationMs: undefined, reasons: [reason], output: '', requests: [] };
}

export function planPrograms(blocks: readonly CodeBlock[]): Plan {
  const programs: Program[] = [];
  const settled: BlockResult[] = [];
  const sequences = new Map<string, Program>();
  for (const block of blocks) {
    const runtime = block.runtime;
    if (runtime === undefined) continue;
    const noRun = block.meta['no-run'];
    if (noRun !== undefined) {
      const reason = typeof noRun === 'string' ? noRun.trim() : '';
      settled.push(
        reason ? settle(block, 'skip', `no-run: ${reason}`) : settle(block, 'fail', noRunWithoutReason),
      );
      continue;
    }
    if (!block.sequence) {
      programs.push({ id: `p${programs.length + 1}`, runtime, blocks: [block], sequence: false });
      continue;
    }
    const key = `${block.page}\0${runtime}`;
    const existing = sequences.get(key);
    if (existing) {
      existing.blocks.push(block);
    } else {
      const program: Program = { id: `p${programs.length + 1}`, runtime, blocks: [block], sequence: true };
      sequences.set(key, program);
      programs.push(program);
    }
  }
  return { programs, settled };
}

export interface Segment {
  block: CodeBlock;
  /** 1-based line of the block's first code line in the program text. */
  startLine: number;
  lineCount: number;
}

export interface RenderedProgram {
  text: string;
  segments: Segment[];
  extension: '.sh' | '.py' | '.ts' | '.mjs';
}

const extensions = { shell: '.sh', python: '.py', typescript: '.ts', javascript: '.mjs' } as const;

/**
 * One line that tells the recording proxy which block of a sequence runs next, so requests,
 * timings and a failing exit are attributed to the right block. Only sequences carry markers.
 */
function markerLine(runtime: Runtime, url: string): string {
  switch (runtime) {
    case 'shell':
      return `curl -fsS -o /dev/null '${url}'`;
    case 'python':
      return `__import__('urllib.request').request.urlopen('${url}').read()`;
    case 'typescript':
    case 'javascript':
      return `await fetch('${url}');`;
  }
}

export interface RenderOptions {
  /** The contract's `servers[0].url`, as written in the docs. */
  baseUrl: string;
  /** Where the block's requests go instead (the recording proxy). */
  serverUrl: string;
}

/**
 * Points the documented base URL at the test server. Only the whole URL is replaced: a longer host
 * (`https://api.ocpplab.com.example`) or another port is left as written, and then fails visibly.
 */
function rewriteBaseUrl(code: string, options: RenderOptions): string {
  const escaped = options.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return code.replace(new RegExp(`${escaped}(?![\\w.:-])`, 'g'), () => options.serverUrl);
}

/** The program text as it runs: block code with only the base URL rewritten, plus sequence markers. */
export function renderProgram(program: Program, options: RenderOptions): RenderedProgram {
  const lines: string[] = [];
  const segments: Segment[] = [];
  program.blocks.forEach((block, index) => {
    if (program.sequence)
      lines.push(markerLine(program.runtime, `${options.serverUrl}/__snippets/block/${index}`));
    const code = rewriteBaseUrl(block.code, options).split('\n');
    segments.push({ block, startLine: lines.length + 1, lineCount: code.length });
    lines.push(...code);
  });
  // Makes every TypeScript program a module: top-level await works and tsc does not merge the
  // globals of separate blocks (two blocks may both declare `const client`).
  if (program.runtime === 'typescript') lines.push('export {};');
  return { text: `${lines.join('\n')}\n`, segments, extension: extensions[program.runtime] };
}

/** Maps a line of the program text back to its block and the line in the page. */
export function locateLine(
  segments: readonly Segment[],
  line: number,
): { block: CodeBlock; line: number } | undefined {
  for (const segment of segments) {
    if (line < segment.startLine + segment.lineCount) {
      const offset = Math.max(0, line - segment.startLine);
      return { block: segment.block, line: segment.block.line + 1 + offset };
    }
  }
  const last = segments.at(-1);
  return last ? { block: last.block, line: last.block.line + last.lineCount } : undefined;
}
