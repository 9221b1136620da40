import { tokenReport } from '../tokens.ts';
import { memoryReport } from './memory.ts';
import { sizeReport } from './size.ts';
import { timeReport } from './time.ts';
import type { Report } from './types.ts';

/** The columns of the benchmark table, in order. */
export const reports: Report[] = [timeReport, memoryReport, sizeReport, tokenReport];
