import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { DocsIndex } from './docs-index.ts';

/**
 * The documentation as an MCP server: agents search the pages and read any of
 * them as Markdown, the same twins `/llms-full.txt` is made of.
 */
export function createMcpServer(index: DocsIndex, site: string, version: string): McpServer {
  const server = new McpServer({ name: 'ocpplab-docs', version });
  const link = (path: string) => `${site}${path}`;

  server.registerTool(
    'search_docs',
    {
      title: 'Search the OCPPLAB Gateway docs',
      description:
        'Full-text search over the guides and the API reference (every operation, webhook and schema). Returns page URLs with matching lines; read a page with get_page.',
      inputSchema: {
        query: z
          .string()
          .min(1)
          .describe('Words to look for, e.g. "start transaction" or "X-Organization-Id".'),
        limit: z.number().int().min(1).max(50).default(8).describe('How many pages to return.'),
      },
      annotations: { readOnlyHint: true },
    },
    ({ query, limit }) => {
      const hits = index.search(query, limit);
      const text =
        hits.length === 0
          ? `No page matches "${query}". Try fewer or other words.`
          : hits.map((hit) => `## ${hit.title}\n${link(hit.path)}\n${hit.excerpt}`).join('\n\n');
      return { content: [{ type: 'text', text }] };
    },
  );

  server.registerTool(
    'get_page',
    {
      title: 'Read a docs page as Markdown',
      description:
        'The complete Markdown of one page: a guide, or an API reference page with every parameter, field, example and code sample.',
      inputSchema: {
        url: z
          .string()
          .min(1)
          .describe(
            'The page URL or path, e.g. "/quickstart/" or "/api-reference/core-resources/chargers/create.md".',
          ),
      },
      annotations: { readOnlyHint: true },
    },
    ({ url }) => {
      const page = index.page(url);
      if (page === undefined) {
        return {
          isError: true,
          content: [
            {
              type: 'text',
              text: `No page at "${url}". Use list_pages or search_docs to find the right URL.`,
            },
          ],
        };
      }
      return { content: [{ type: 'text', text: page.markdown }] };
    },
  );

  server.registerTool(
    'list_pages',
    {
      title: 'List the docs pages',
      description: 'Every page of the documentation with its title and URL.',
      inputSchema: {
        prefix: z
          .string()
          .default('/')
          .describe('Only pages whose path starts with this, e.g. "/api-reference/".'),
      },
      annotations: { readOnlyHint: true },
    },
    ({ prefix }) => {
      const lines = [...index.pages.values()]
        .filter((page) => page.path.startsWith(prefix))
        .map((page) => `- [${page.title}](${link(page.path)})`);
      return {
        content: [{ type: 'text', text: lines.length > 0 ? lines.join('\n') : `No page under "${prefix}".` }],
      };
    },
  );

  return server;
}
