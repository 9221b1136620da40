import type { Change } from './diff.ts';

/** The `--json` output, exactly. */
export interface Report {
  from: string | null;
  to: string | null;
  changes: Change[];
}

/** The report for a terminal: a summary line, then breaking changes, then the others. */
export function formatReport(report: Report): string {
  const { from, to, changes } = report;
  const breaking = changes.filter((item) => item.breaking);
  const other = changes.filter((item) => !item.breaking);
  const versions = from === to ? `${to ?? '(no version)'}` : `${from ?? '(none)'} → ${to ?? '(none)'}`;
  if (changes.length === 0) return `No changes for API clients (${versions}).\n`;
  const line = (item: Change) =>
    `  ${item.operation === null ? '' : `${item.operation}: `}${item.message} [${item.kind}]`;
  const sections = [
    `${changes.length} change${changes.length === 1 ? '' : 's'} (${versions}): ${breaking.length} breaking, ${other.length} not breaking`,
    ...(breaking.length > 0 ? ['', 'Breaking:', ...breaking.map(line)] : []),
    ...(other.length > 0 ? ['', 'Not breaking:', ...other.map(line)] : []),
  ];
  return `${sections.join('\n')}\n`;
}
