/** The name the site's MCP server is added under in an agent's configuration. */
export const MCP_SERVER_NAME = 'ocpplab-docs';

/**
 * What adds the MCP server at `url` to each client, in the form each one documents:
 * Claude Code's `claude mcp add` command, Cursor's install deeplink (its config as base64 JSON)
 * and VS Code's `vscode:mcp/install` link (its config as URL-encoded JSON).
 */
export function mcpInstall(url: string): { claudeCode: string; cursor: string; vscode: string } {
  const cursorConfig = Buffer.from(JSON.stringify({ url })).toString('base64');
  const vscodeConfig = JSON.stringify({ name: MCP_SERVER_NAME, type: 'http', url });
  return {
    claudeCode: `claude mcp add --transport http ${MCP_SERVER_NAME} ${url}`,
    cursor: `cursor://anysphere.cursor-deeplink/mcp/install?name=${MCP_SERVER_NAME}&config=${encodeURIComponent(cursorConfig)}`,
    vscode: `vscode:mcp/install?${encodeURIComponent(vscodeConfig)}`,
  };
}
