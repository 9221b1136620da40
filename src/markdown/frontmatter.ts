import { parse as parseYaml } from 'yaml';

const frontmatterPattern = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits YAML frontmatter (after an optional byte-order mark) off a page: the one reading of a
 * page's frontmatter, for the snippet runner and the guide twins alike. The body keeps one empty
 * line per frontmatter line, so that positions in the body are positions in the file.
 */
export function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = frontmatterPattern.exec(text);
  if (!match) return { data: {}, body: text };
  const parsed: unknown = parseYaml(match[1] ?? '');
  const data = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
  const blank = '\n'.repeat(match[0].split('\n').length - 1);
  return { data, body: blank + text.slice(match[0].length) };
}
