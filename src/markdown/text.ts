/**
 * Contract Markdown (descriptions) placed inside a twin: headings move down
 * by `offset` levels, as the HTML renderer moves them (`src/render/markdown-html.ts`),
 * so a description's `## Errors` sits below the section that shows it.
 */
export function description(text: string | undefined, offset: number): string {
  if (text === undefined) return '';
  let fence: string | undefined;
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker !== undefined) {
        if (fence === undefined) fence = marker;
        else if (marker.startsWith(fence)) fence = undefined;
        return line;
      }
      if (fence !== undefined) return line;
      const heading = /^(#{1,6})(\s.*)$/.exec(line);
      if (heading?.[1] === undefined) return line;
      return `${'#'.repeat(Math.min(6, heading[1].length + offset))}${heading[2] ?? ''}`;
    })
    .join('\n');
}
