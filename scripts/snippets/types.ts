/** Shapes shared by the snippet stages: sources in, blocks through, results out. */

/**
 * One page whose fenced code blocks are tested. Hand-written guides come from `docs/`; the
 * generated API reference adds its Markdown twins through `referenceSnippetSources()`.
 * `page` ending in `.mdx` is parsed as MDX, anything else as Markdown (GFM).
 */
export interface SnippetSource {
  /** Where a reader finds the page, as printed in reports: `docs/quickstart.mdx`. */
  page: string;
  /** The whole page text, frontmatter included, so that line numbers match the file. */
  markdown: string;
  /** The page's blocks run in order and share state (frontmatter `snippets: sequence`). */
  sequence: boolean;
}

/** How a block is executed; fence languages map onto these (`curl` → shell, `py` → python…). */
export type Runtime = 'shell' | 'python' | 'typescript' | 'javascript';

/** Fence meta attributes: `title="Create" no-run="output" {1,3}` → `{ title: 'Create', 'no-run': 'output' }`. */
export type { FenceMeta } from '../../src/markdown/fence-meta.ts';

import type { FenceMeta } from '../../src/markdown/fence-meta.ts';

export interface CodeBlock {
  page: string;
  /** 1-based line of the opening fence in the page text. */
  line: number;
  /** The fence language as written (`curl`, `py`, `ts`, `json`…), lowercased; '' when absent. */
  lang: string;
  /** Undefined for languages that are not run (json, text, yaml…): they are not counted either. */
  runtime: Runtime | undefined;
  title: string | undefined;
  meta: FenceMeta;
  code: string;
  sequence: boolean;
}

export type Verdict = 'pass' | 'fail' | 'skip';

/** A request seen by the recording proxy in front of the test server. */
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  /** Index of the block of a sequence that made it (0 for a single block). */
  block: number;
  violations: Violation[];
}

/** A request violation Prism reported (its `sl-violations` header, or its routing errors). */
export interface Violation {
  location: string;
  code: string;
  message: string;
}

export interface BlockResult {
  block: CodeBlock;
  verdict: Verdict;
  /** Wall time attributed to the block; undefined for skipped blocks. */
  durationMs: number | undefined;
  /** Why it failed or was skipped, one sentence each. */
  reasons: string[];
  /** Output of the process (stdout and stderr interleaved), shown for failures. */
  output: string;
  requests: RecordedRequest[];
}

export interface RunSummary {
  results: BlockResult[];
  passed: number;
  failed: number;
  skipped: number;
}
