/**
 * The block every Markdown twin starts with: how to get more of the docs.
 * Built from the configured site URL so a fork or a preview deploy points at itself.
 */
export function header(site: string): string {
  const base = siteBase(site);
  return [
    '> For clean Markdown of any page, append .md to the page URL.',
    `> For a complete documentation index, see ${base}/llms.txt.`,
    `> For full documentation content, see ${base}/llms-full.txt.`,
    `> For AI client integration (Claude Code, Cursor, etc.), connect to the MCP server at ${base}/_mcp/server.`,
  ].join('\n');
}

/** `https://docs.ocpplab.com/` → `https://docs.ocpplab.com`: the prefix of every absolute URL we write. */
export function siteBase(site: string): string {
  return site.replace(/\/+$/, '');
}
