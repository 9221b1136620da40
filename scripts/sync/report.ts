import type { Change } from './diff.ts';
import type { GuideLine } from './guides.ts';

/** The `--json` output, exactly. */
export interface Report {
  from: string | null;
  to: string | null;
  changes: Change[];
  /** The guide lines that name what a change removed; the sync always sets it. */
  guides?: GuideLine[];
}

const code = (text: string) => `\`${text}\``;

/**
 * The report for a terminal: a summary line, then breaking changes, then the others, then the
 * guide lines that name what changed.
 */
export function formatReport(report: Report): string {
  const { from, to, changes } = report;
  const breaking = changes.filter((item) => item.breaking);
  const other = changes.filter((item) => !item.breaking);
  const versions = from === to ? `${to ?? '(no version)'}` : `${from ?? '(none)'} → ${to ?? '(none)'}`;
  if (changes.length === 0) return `No changes for API clients (${versions}).\n`;
  const line = (item: Change) =>
    `  ${item.operation === null ? '' : `${item.operation}: `}${item.message} [${item.kind}]`;
  const guides = report.guides ?? [];
  const sections = [
    `${changes.length} change${changes.length === 1 ? '' : 's'} (${versions}): ${breaking.length} breaking, ${other.length} not breaking`,
    ...(breaking.length > 0 ? ['', 'Breaking:', ...breaking.map(line)] : []),
    ...(other.length > 0 ? ['', 'Not breaking:', ...other.map(line)] : []),
    ...(guides.length > 0
      ? [
          '',
          `Guide lines that mention what changed (${guides.length}; rewrite them, then run npm run test:snippets):`,
          ...guides.map((guide) => `  ${guide.page}:${guide.line}  ${code(guide.name)}  ${guide.change}`),
        ]
      : []),
  ];
  return `${sections.join('\n')}\n`;
}
