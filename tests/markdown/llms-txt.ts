/**
 * A strict reader of llms.txt, following the llmstxt.org reference parser
 * (`llms_txt.parse_llms_file`): an H1 title; an optional one-line `>` summary;
 * free text without headings; then H2 sections whose every line is a link item
 * `- [Title](url)` or `- [Title](url): description`. Returns the problems found.
 */
export interface LlmsTxt {
  title: string;
  summary?: string;
  info: string;
  sections: { name: string; links: { title: string; url: string; description?: string }[] }[];
}

const LINK_ITEM = /^-\s*\[(?<title>[^\]]+)\]\((?<url>[^)]+)\)(?::\s*(?<description>.*))?$/;

export function parseLlmsTxt(text: string): { file?: LlmsTxt; problems: string[] } {
  const problems: string[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let index = 0;
  const title = /^# (.+)$/.exec(lines[index] ?? '')?.[1];
  if (title === undefined) return { problems: ['line 1: the file must start with an H1 (`# Site name`).'] };
  index += 1;
  while (lines[index] === '') index += 1;
  let summary: string | undefined;
  if (lines[index]?.startsWith('>')) {
    summary = lines[index]?.replace(/^>\s?/, '');
    index += 1;
    if (lines[index]?.startsWith('>'))
      problems.push(`line ${index + 1}: the summary must be a single \`>\` line.`);
  }
  const info: string[] = [];
  for (; index < lines.length && !lines[index]?.startsWith('## '); index += 1) {
    const line = lines[index] ?? '';
    if (/^#{1,6}\s/.test(line))
      problems.push(`line ${index + 1}: only H2 sections may follow the introduction ("${line}").`);
    info.push(line);
  }
  const sections: LlmsTxt['sections'] = [];
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.startsWith('## ')) {
      sections.push({ name: line.slice(3).trim(), links: [] });
      continue;
    }
    if (line.trim() === '') continue;
    const match = LINK_ITEM.exec(line);
    const section = sections.at(-1);
    if (match?.groups === undefined || section === undefined) {
      problems.push(
        `line ${index + 1}: a section holds only link items \`- [Title](url): description\` ("${line}").`,
      );
      continue;
    }
    const { title: linkTitle = '', url = '', description } = match.groups;
    section.links.push(
      description === undefined ? { title: linkTitle, url } : { title: linkTitle, url, description },
    );
  }
  if (sections.length === 0) problems.push('the file has no `## ` section.');
  const file: LlmsTxt = { title, info: info.join('\n').trim(), sections };
  if (summary !== undefined) file.summary = summary;
  return { file, problems };
}
