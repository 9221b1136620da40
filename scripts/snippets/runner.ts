/**
 * The snippet runner: sources in, one result per runnable block out. Used by the CLI and by the
 * tests, which hand it fixture pages and a modified contract.
 */
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { resolveSiteConfig } from '../../src/config.ts';
import { ContractIndex } from '../../src/server/contract.ts';
import type { SnippetConfig } from './config.ts';
import { type Contract, loadContract } from './contract.ts';
import { extractBlocks } from './extract.ts';
import { type Program, planPrograms, renderProgram } from './plan.ts';
import { type MockServer, startPrism } from './prism.ts';
import { type RequestCheck, startRecordingProxy } from './proxy.ts';
import { summarize } from './report.ts';
import { execute, snippetEnvironment } from './run.ts';
import { type CheckedFile, typecheck } from './typecheck.ts';
import type { BlockResult, CodeBlock, RunSummary, SnippetSource } from './types.ts';
import { judgeProgram } from './verdict.ts';
import { createWorkspace, generateTypes, type Workspace } from './workspace.ts';

/** Runs `task` over `items`, at most `limit` at a time, keeping the input order in the output. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function startServer(
  config: SnippetConfig,
): Promise<{ url: string; token: string; mock?: MockServer }> {
  if (config.server.kind === 'remote') return { url: config.server.baseUrl, token: config.server.token };
  const mock = await startPrism({ root: config.root, contractPath: config.contractPath });
  return { url: mock.url, token: config.mockToken, mock };
}

/** Writes each TypeScript program as the reader wrote it (no rewrite) for the one tsc pass. */
async function checkedFiles(programs: readonly Program[], workspace: Workspace, baseUrl: string) {
  const files: CheckedFile[] = [];
  for (const program of programs) {
    if (program.runtime !== 'typescript') continue;
    const rendered = renderProgram(program, { baseUrl, serverUrl: baseUrl });
    await writeFile(join(await workspace.programDir(program.id), 'check.ts'), rendered.text);
    files.push({ file: `${program.id}/check.ts`, segments: rendered.segments });
  }
  return files;
}

/**
 * The proxy's own check: query parameters and headers the operation does not declare, beyond
 * what HTTP clients send on their own (`TRANSPORT_HEADERS`) and the credentials its security
 * asks for. Prism accepts them silently, so a guide sending a renamed parameter's old name
 * would pass. The same check as the MCP server's `check_request`.
 */
function undeclaredParameterCheck(contract: Contract): RequestCheck {
  const document = structuredClone(contract.document) as Record<string, unknown>;
  const index = new ContractIndex(document, resolveSiteConfig().site);
  return (request) =>
    index.undeclared(request).map((violation) => {
      const [, where = 'request', name = ''] = violation.pointer.split('/');
      return {
        location: `request.${where === 'headers' ? 'header' : where}.${name}`,
        code: 'undeclared',
        message: `${violation.message} (${contract.path}); remove it from the example, or declare it in the contract`,
      };
    });
}

/** Runs every block of `sources`; `contract` is the one the caller loaded already (else it is read here). */
export async function runSnippets(
  sources: readonly SnippetSource[],
  config: SnippetConfig,
  loaded?: Contract,
): Promise<RunSummary> {
  const contract =
    loaded ?? (await loadContract(config.contractPath, relative(config.root, config.contractPath)));
  const blocks = sources.flatMap((source) => extractBlocks(source));
  const order = new Map<CodeBlock, number>(blocks.map((block, index) => [block, index]));
  const sorted = (results: BlockResult[]) =>
    summarize(results.sort((a, b) => (order.get(a.block) ?? 0) - (order.get(b.block) ?? 0)));

  const plan = planPrograms(blocks);
  if (plan.programs.length === 0) return sorted(plan.settled);

  // Prism takes seconds to start: it boots while the types are generated and tsc runs.
  const server = startServer(config);
  server.catch(() => undefined);
  let workspace: Workspace | undefined;
  try {
    workspace = await createWorkspace({ root: config.root, types: await generateTypes(contract) });
    const files = await checkedFiles(plan.programs, workspace, contract.baseUrl);
    const types = typecheck({ root: config.root, workspaceDir: workspace.dir, files });
    types.catch(() => undefined);
    const { url, token } = await server;
    const env = snippetEnvironment(process.env, token, resolveSiteConfig().tokenEnv);

    // Longest programs (sequences) first, so they do not end the run alone.
    const queue = [...plan.programs].sort((a, b) => b.blocks.length - a.blocks.length);
    const ws = workspace;
    const check = undeclaredParameterCheck(contract);
    const observed = await pool(queue, config.concurrency, async (program) => {
      const proxy = await startRecordingProxy(url, check);
      try {
        const rendered = renderProgram(program, { baseUrl: contract.baseUrl, serverUrl: proxy.url });
        const execution = await execute(rendered, program.runtime, {
          dir: await ws.programDir(program.id),
          env,
          timeoutMs: config.timeoutMs * program.blocks.length,
        });
        return { program, execution, requests: proxy.requests, markers: proxy.markers };
      } finally {
        await proxy.close();
      }
    });

    const { errors, general } = await types;
    const typeErrors = new Map<CodeBlock, string[]>();
    for (const error of errors)
      typeErrors.set(error.block, [...(typeErrors.get(error.block) ?? []), error.message]);
    const results = observed.flatMap(({ program, ...rest }) =>
      judgeProgram(program, { ...rest, typeErrors, generalTypeErrors: general, baseUrl: contract.baseUrl }),
    );
    return sorted([...plan.settled, ...results]);
  } finally {
    const started = await server.catch(() => undefined);
    await started?.mock?.stop();
    await workspace?.remove();
  }
}
