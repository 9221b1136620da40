import type { Report } from './types.ts';
import { megabytes } from './units.ts';

/** Peak resident memory of the build's process tree. */
export const memoryReport: Report = {
  columns: ['peak memory'],
  measure: (run) => [run.peakRssBytes === undefined ? 'n/a' : megabytes(run.peakRssBytes)],
};
