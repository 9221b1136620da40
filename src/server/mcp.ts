import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ContractIndex } from './contract.ts';
import type { DocsIndex } from './docs-index.ts';

/** Longest search query a tool takes, in characters: a question, not a document. */
const MAX_QUERY = 1000;
/** Longest page URL or operation reference a tool takes. */
const MAX_REFERENCE = 2000;

interface Tool<Shape extends z.ZodRawShape> {
  title: string;
  description: string;
  input: z.ZodObject<Shape>;
  run(args: z.infer<z.ZodObject<Shape>>): string;
}

/** Declares a tool, inferring its arguments' type from its input schema. */
const tool = <Shape extends z.ZodRawShape>(definition: Tool<Shape>): Tool<Shape> => definition;

const textResult = (text: string) => ({ content: [{ type: 'text' as const, text }] });

/**
 * An error the SDK sends as a JSON-RPC error with this code and message. Not `McpError`, whose
 * constructor puts "MCP error -32602:" into the message itself, so clients would show it twice.
 */
class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A request the caller can fix: answered as a JSON-RPC error (-32602) with the fix in the message. */
const invalid = (message: string) => new RpcError(ErrorCode.InvalidParams, message);

/**
 * The documentation as an MCP server: agents search the pages, read any of them as Markdown
 * (the same twins `/llms-full.txt` is made of), look up operations and schemas, and check a
 * request against the contract before they ship it. Pages are also resources.
 *
 * Built on the SDK's low-level `Server` rather than `McpServer`, because `McpServer` turns an
 * unknown tool or invalid arguments into a tool result with `isError`, and advertises
 * `tools.listChanged`, which a stateless server never sends.
 */
export function mcpServerFactory(
  index: DocsIndex,
  contract: ContractIndex | undefined,
  site: string,
  version: string,
): () => Server {
  const link = (path: string) => `${site}${path}`;
  const siteOrigin = new URL(site).origin;

  const findPage = (reference: string) => {
    const wanted = reference.trim();
    if (wanted === '') throw invalid('url is blank: give a page path such as "/quickstart/".');
    if (/^[a-z][a-z0-9+.-]*:/i.test(wanted)) {
      let url: URL;
      try {
        url = new URL(wanted);
      } catch {
        throw invalid(`"${wanted}" is not a URL: give a page path such as "/quickstart/".`);
      }
      const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
      if (url.origin !== siteOrigin && !local)
        throw invalid(`${url.origin} is not this site: give a path or a URL on ${siteOrigin}.`);
    }
    const page = index.page(wanted);
    if (page === undefined)
      throw invalid(`No page at "${wanted}". Use list_pages or search_docs to find the right URL.`);
    return page;
  };

  const needContract = (): ContractIndex => {
    if (contract === undefined)
      throw new RpcError(
        ErrorCode.InternalError,
        'This site was built without a contract (no /openapi.json).',
      );
    return contract;
  };
  const findOperation = (reference: string) => {
    const found = needContract().find(reference);
    if (found === undefined)
      throw invalid(
        `No operation "${reference}": give an operationId or "METHOD /path" as list_operations prints them.`,
      );
    return found;
  };

  const tools = {
    search_docs: tool({
      title: 'Search the OCPPLAB Gateway docs',
      description:
        'Full-text search over the guides and the API reference (every operation, webhook and schema). Returns page URLs with matching lines; read a page with get_page.',
      input: z.object({
        query: z
          .string()
          .min(1)
          .max(MAX_QUERY)
          .describe(
            `Words to look for, e.g. "start transaction" or "X-Organization-Id" (at most ${MAX_QUERY} characters).`,
          ),
        section: z
          .enum(['all', 'guides', 'reference'])
          .default('all')
          .describe('Search the guides only, the API reference only, or both.'),
        limit: z.number().int().min(1).max(50).default(8).describe('How many pages to return (1 to 50).'),
      }),
      run: ({ query, section, limit }) => {
        const hits = index.search(query, limit, section);
        return hits.length === 0
          ? `No page matches "${query}". Try fewer or other words.`
          : hits.map((hit) => `## ${hit.title}\n${link(hit.path)}\n${hit.excerpt}`).join('\n\n');
      },
    }),
    get_page: tool({
      title: 'Read a docs page as Markdown',
      description:
        'The complete Markdown of one page: a guide, or an API reference page with every parameter, field, example and code sample.',
      input: z.object({
        url: z
          .string()
          .min(1)
          .max(MAX_REFERENCE)
          .describe(
            'The page URL or path, e.g. "/quickstart/" or "/api-reference/core-resources/chargers/create.md".',
          ),
      }),
      run: ({ url }) => findPage(url).markdown,
    }),
    list_pages: tool({
      title: 'List the docs pages',
      description: 'Every page of the documentation with its title and URL.',
      input: z.object({
        prefix: z
          .string()
          .max(MAX_REFERENCE)
          .default('/')
          .describe('Only pages whose path starts with this, e.g. "/api-reference/".'),
      }),
      run: ({ prefix }) => {
        const lines = [...index.pages.values()]
          .filter((page) => page.path.startsWith(prefix))
          .map((page) => `- [${page.title}](${link(page.path)})`);
        return lines.length > 0 ? lines.join('\n') : `No page under "${prefix}".`;
      },
    }),
    list_operations: tool({
      title: 'List the API operations',
      description:
        'Every operation of the API: method, path, operationId, summary, tag and the URL of its reference page. Filter by tag or method.',
      input: z.object({
        tag: z.string().max(200).optional().describe('Only operations of this tag, e.g. "Chargers".'),
        method: z.string().max(10).optional().describe('Only operations with this HTTP method, e.g. "POST".'),
      }),
      run: ({ tag, method }) => {
        const rows = needContract().operations({ tag, method });
        if (rows.length === 0)
          return 'No operation matches. Call list_operations without filters to see them all.';
        return rows
          .map(
            (row) =>
              `- ${row.method} ${row.path}${row.operationId === undefined ? '' : ` (operationId ${row.operationId})`}: ${row.summary}${row.deprecated ? ' [deprecated]' : ''}. Tag ${row.tag}. ${row.url}`,
          )
          .join('\n');
      },
    }),
    get_operation: tool({
      title: 'Read one API operation',
      description:
        'One operation: its reference page as Markdown (parameters, body, responses, errors, code samples), then its request and response JSON Schemas with $refs resolved one level (cycles marked x-circular).',
      input: z.object({
        operation: z
          .string()
          .min(1)
          .max(MAX_REFERENCE)
          .describe(
            'An operationId, or "METHOD /path" as written in the contract, e.g. "POST /ocpp/chargers".',
          ),
      }),
      run: ({ operation }) => {
        const row = findOperation(operation);
        const page = index.page(row.twin);
        const schemas = needContract().schemas(row);
        return [
          page?.markdown ?? `# ${row.method} ${row.path}\n\n${row.summary}`,
          '## JSON Schemas',
          '```json',
          JSON.stringify(schemas, null, 2),
          '```',
        ].join('\n\n');
      },
    }),
    get_schema: tool({
      title: 'Read a named schema',
      description:
        'A schema of the contract (components/schemas) as JSON Schema, its references resolved one level, cycles marked x-circular.',
      input: z.object({
        name: z.string().min(1).max(500).describe('The schema name, e.g. "Charger".'),
      }),
      run: ({ name }) => {
        const schema = needContract().schema(name);
        if (schema === undefined) {
          const names = needContract().schemaNames();
          const near = names
            .filter((candidate) => candidate.toLowerCase().includes(name.toLowerCase()))
            .slice(0, 10);
          throw invalid(
            `No schema "${name}".${near.length > 0 ? ` Did you mean ${near.join(', ')}?` : ''} The reference lists every schema under /api-reference/schemas/.`,
          );
        }
        return JSON.stringify(schema, null, 2);
      },
    }),
    check_request: tool({
      title: 'Check a request against the contract',
      description:
        'Before you ship code: give the method, path, query, headers and JSON body of a request; get each violation of the contract with a JSON pointer (missing or invalid parameters, undeclared query parameters or headers, missing credentials, body errors), or "valid".',
      input: z.object({
        method: z.string().min(1).max(10).describe('The HTTP method, e.g. "POST".'),
        path: z
          .string()
          .min(1)
          .max(MAX_REFERENCE)
          .describe('The request path with its values, e.g. "/ocpp/chargers/ch_123/logs".'),
        query: z
          .record(z.string(), z.union([z.string(), z.array(z.string())]))
          .optional()
          .describe('Query parameters as sent (strings).'),
        headers: z.record(z.string(), z.string()).optional().describe('Request headers as sent.'),
        body: z.unknown().optional().describe('The JSON body, as a JSON value (not a string).'),
      }),
      run: (request) => {
        const { operation, violations } = needContract().check(request);
        const head =
          operation === undefined ? '' : `${operation.method} ${operation.path} (${operation.url}): `;
        if (violations.length === 0) return `${head}valid.`;
        return `${head}${violations.length} violation${violations.length === 1 ? '' : 's'}:\n${violations
          .map((violation) => `- ${violation.pointer}: ${violation.message}`)
          .join('\n')}`;
      },
    }),
  } as const;
  type Name = keyof typeof tools;
  const names = Object.keys(tools) as Name[];

  // Everything above is made once per site; a server per request (stateless) only binds it.
  const toolList = {
    tools: names.map((name) => ({
      name,
      title: tools[name].title,
      description: tools[name].description,
      inputSchema: z.toJSONSchema(tools[name].input, { io: 'input' }) as { type: 'object' },
      annotations: { readOnlyHint: true },
    })),
  };
  const callTool = (request: {
    params: { name: string; arguments?: Record<string, unknown> | undefined };
  }) => {
    const name = request.params.name;
    if (!Object.hasOwn(tools, name))
      throw invalid(`Unknown tool "${name}". This server has: ${names.join(', ')} (see tools/list).`);
    const tool = tools[name as Name] as unknown as Tool<z.ZodRawShape>;
    const parsed = tool.input.safeParse(request.params.arguments ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
        .join('; ');
      throw invalid(`Invalid arguments for ${name}: ${problems}. See its inputSchema in tools/list.`);
    }
    return textResult(tool.run(parsed.data));
  };
  const resourceList = {
    resources: [...index.pages.values()].map((page) => ({
      uri: link(page.path),
      name: page.path,
      title: page.title,
      mimeType: 'text/markdown',
    })),
  };
  const readResource = (request: { params: { uri: string } }) => {
    const uri = request.params.uri;
    if (uri.length > MAX_REFERENCE)
      throw invalid(`The resource URI is longer than ${MAX_REFERENCE} characters.`);
    const page = findPage(uri);
    return { contents: [{ uri: link(page.path), mimeType: 'text/markdown', text: page.markdown }] };
  };

  return () => {
    const server = new Server(
      { name: 'ocpplab-docs', version },
      { capabilities: { tools: {}, resources: {} } },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => toolList);
    server.setRequestHandler(CallToolRequestSchema, callTool);
    server.setRequestHandler(ListResourcesRequestSchema, () => resourceList);
    server.setRequestHandler(ReadResourceRequestSchema, readResource);
    return server;
  };
}
