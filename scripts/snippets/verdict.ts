/**
 * Verdict: what a program did → one result per block. Pure. A block passes when its process exited
 * 0, every request it made was free of request violations, at least one request reached the server,
 * and (TypeScript) it type-checks.
 */
import type { Program } from './plan.ts';
import type { Marker } from './proxy.ts';
import type { Execution } from './run.ts';
import type { BlockResult, CodeBlock, RecordedRequest } from './types.ts';

export interface Observed {
  execution: Execution;
  requests: readonly RecordedRequest[];
  markers: readonly Marker[];
  /** Type errors by block, already located (`page:line:col TSxxxx message`). */
  typeErrors: ReadonlyMap<CodeBlock, readonly string[]>;
  /** tsc errors outside any block; they fail every TypeScript block. */
  generalTypeErrors: readonly string[];
  /** The documented base URL, named in the "no request" message. */
  baseUrl: string;
}

export function where(block: CodeBlock): string {
  return `${block.page}:${block.line}`;
}

/** Why the process itself failed, or undefined when it exited 0. */
function exitReason(execution: Execution, runtime: string): string | undefined {
  if (execution.startError !== undefined) return `no way to run ${runtime}: ${execution.startError}`;
  if (execution.timedOut)
    return `timed out after ${((execution.endedAt - execution.startedAt) / 1000).toFixed(0)}s`;
  if (execution.signal !== null) return `was killed by ${execution.signal}`;
  if (execution.exitCode !== 0) return `exited with code ${execution.exitCode ?? 'null'}`;
  return undefined;
}

function violationReasons(requests: readonly RecordedRequest[]): string[] {
  return requests.flatMap((request) =>
    request.violations.map(
      (violation) =>
        `request violation: ${request.method} ${request.path} → ${request.status}: [${violation.location}] ${violation.message}`,
    ),
  );
}

function noRequestReason(baseUrl: string, sequence: boolean): string {
  const subject = sequence ? 'the sequence' : 'the snippet';
  return `made no request to the API: ${subject} must call ${baseUrl} (nothing reached the test server)`;
}

function typeReasons(block: CodeBlock, observed: Observed): string[] {
  if (block.runtime !== 'typescript') return [];
  const own = observed.typeErrors.get(block) ?? [];
  return [...own, ...observed.generalTypeErrors].map((error) => `does not type-check: ${error}`);
}

export function judgeProgram(program: Program, observed: Observed): BlockResult[] {
  const { execution } = observed;
  const failedExit = exitReason(execution, program.runtime);
  const madeRequests = observed.requests.length > 0;
  const blocks = program.blocks;

  // A single block: everything the process did is the block's.
  if (!program.sequence) {
    const [block] = blocks;
    if (!block) return [];
    const reasons = [
      ...(failedExit ? [failedExit] : []),
      ...violationReasons(observed.requests),
      ...(madeRequests || execution.startError !== undefined
        ? []
        : [noRequestReason(observed.baseUrl, false)]),
      ...typeReasons(block, observed),
    ];
    return [
      result(block, reasons, execution.endedAt - execution.startedAt, execution.output, observed.requests),
    ];
  }

  // A sequence: the markers say when each block started; the process stopped in the last one reached.
  const starts = new Map<number, number>();
  for (const marker of observed.markers) starts.set(marker.block, marker.at);
  const reached =
    observed.markers.length === 0 ? -1 : Math.max(...observed.markers.map((marker) => marker.block));
  const stoppedAt = failedExit ? Math.max(reached, 0) : undefined;
  return blocks.map((block, index) => {
    const requests = observed.requests.filter((request) => request.block === index);
    const start = starts.get(index);
    const end = starts.get(index + 1) ?? execution.endedAt;
    const reasons: string[] = [];
    if (stoppedAt === index && failedExit) reasons.push(failedExit);
    if (start === undefined && stoppedAt !== index) {
      const stop = blocks[stoppedAt ?? reached];
      reasons.push(
        stop && stoppedAt !== undefined
          ? `not reached: the sequence stopped at ${where(stop)}`
          : 'not reached: the program ended before this block',
      );
    }
    reasons.push(...violationReasons(requests));
    if (!madeRequests && execution.startError === undefined)
      reasons.push(noRequestReason(observed.baseUrl, true));
    reasons.push(...typeReasons(block, observed));
    const failedHere = stoppedAt === index || requests.some((request) => request.violations.length > 0);
    return result(
      block,
      reasons,
      start === undefined ? undefined : end - start,
      failedHere || !madeRequests ? execution.output : '',
      requests,
    );
  });
}

function result(
  block: CodeBlock,
  reasons: string[],
  durationMs: number | undefined,
  output: string,
  requests: readonly RecordedRequest[],
): BlockResult {
  const verdict = reasons.length > 0 ? 'fail' : 'pass';
  return {
    block,
    verdict,
    durationMs,
    reasons,
    output: verdict === 'fail' ? output : '',
    requests: [...requests],
  };
}
