import type { BuildRun } from '../build.ts';

/**
 * One column group of the benchmark table. Each report reads a finished build
 * and returns its cells, so a new measure (token counts, link checks…) is one
 * more module in this folder and one more line in `reports/index.ts`.
 */
export interface Report {
  /** Column headings, in order. */
  columns: string[];
  measure(run: BuildRun): string[] | Promise<string[]>;
}
