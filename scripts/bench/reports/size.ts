import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Report } from './types.ts';
import { kilobytes, megabytes } from './units.ts';

interface FileSize {
  path: string;
  bytes: number;
}

function files(dir: string): FileSize[] {
  const out: FileSize[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(path));
    else if (entry.isFile()) out.push({ path, bytes: statSync(path).size });
  }
  return out;
}

function largest(pages: FileSize[], root: string): string {
  const top = pages.reduce<FileSize | undefined>(
    (best, page) => (best === undefined || page.bytes > best.bytes ? page : best),
    undefined,
  );
  return top === undefined
    ? 'n/a'
    : `${kilobytes(top.bytes)} (${relative(root, top.path).replace(/\/index\.html$/, '/')})`;
}

/**
 * Size of `dist/`, and the largest reference HTML pages: operation pages (which
 * must not grow with the contract) and all reference pages (indexes included).
 */
export const sizeReport: Report = {
  columns: ['dist/', 'largest operation page', 'largest reference page'],
  measure(run) {
    const all = files(run.outDir);
    const total = all.reduce((sum, file) => sum + file.bytes, 0);
    const reference = all.filter((file) => /\/api-reference\/.*index\.html$/.test(file.path));
    // Operation pages sit three levels below /api-reference/ (group/tag/operation).
    const operations = reference.filter((file) => {
      const rel = relative(join(run.outDir, 'api-reference'), file.path).split('/');
      return rel.length === 4 && rel[0] !== 'schemas' && rel[0] !== 'webhooks';
    });
    return [megabytes(total), largest(operations, run.outDir), largest(reference, run.outDir)];
  },
};
