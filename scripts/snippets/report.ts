/** Report: results → the text printed by `npm run test:snippets`. Pure; the CLI prints it. */
import type { BlockResult, RunSummary } from './types.ts';
import { where } from './verdict.ts';

export function summarize(results: readonly BlockResult[]): RunSummary {
  const count = (verdict: BlockResult['verdict']) =>
    results.filter((result) => result.verdict === verdict).length;
  return { results: [...results], passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

function formatDuration(durationMs: number | undefined): string {
  return durationMs === undefined ? '-' : `${(durationMs / 1000).toFixed(2)}s`;
}

/** `3 passed, 1 failed, 0 skipped`: the last line of every run. */
function summaryLine(summary: RunSummary): string {
  return `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
}

function indent(text: string, prefix: string): string[] {
  return text
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => `${prefix}${line}`);
}

/**
 * One line per block (`page:line  lang  verdict  time`), then under a failure its reasons and the
 * process output, under a skip its reason; the summary line comes last.
 */
export function formatReport(summary: RunSummary): string {
  const locations = summary.results.map((result) => where(result.block));
  const locationWidth = Math.max(0, ...locations.map((location) => location.length));
  const langWidth = Math.max(0, ...summary.results.map((result) => result.block.lang.length));
  const lines: string[] = [];
  summary.results.forEach((result, index) => {
    const columns = [
      (locations[index] ?? '').padEnd(locationWidth),
      result.block.lang.padEnd(langWidth),
      result.verdict.padEnd(4),
      formatDuration(result.durationMs),
    ];
    if (result.verdict === 'skip') columns.push(result.reasons.join('; '));
    lines.push(columns.join('  ').trimEnd());
    if (result.verdict !== 'fail') return;
    if (result.block.title !== undefined) lines.push(`    title: ${result.block.title}`);
    for (const reason of result.reasons) lines.push(...indent(reason, '    '));
    if (result.output.trim() !== '') {
      lines.push('    output:');
      lines.push(...indent(result.output, '    | '));
    }
  });
  lines.push(summaryLine(summary));
  return `${lines.join('\n')}\n`;
}
