import type { Report } from './types.ts';

/** Wall-clock build time, and per operation. */
export const timeReport: Report = {
  columns: ['build time', 'ms / operation'],
  measure: (run) => [`${run.seconds.toFixed(1)} s`, ((run.seconds * 1000) / run.operations).toFixed(1)],
};
