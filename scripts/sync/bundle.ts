import { BaseResolver, bundle, type Config, type Document, Source } from '@redocly/openapi-core';
import { SyncErrors } from './errors.ts';
import type { Loaded } from './load.ts';
import { ProblemFormatter } from './problems.ts';

/** The root file as a Redocly document, on a copy of the parsed value (Redocly edits it in place). */
export function redoclyDocument(loaded: Loaded): Document {
  const mimeType = loaded.absolutePath.endsWith('.json') ? 'application/json' : 'application/yaml';
  return {
    source: new Source(loaded.absolutePath, loaded.text, mimeType),
    parsed: structuredClone(loaded.document),
  };
}

/**
 * One document from a contract split over several files: external `$ref`s are pulled into
 * `components`, internal ones are kept. Unresolvable refs stop the sync, all listed at once.
 */
export async function bundleContract(
  loaded: Loaded,
  config: Config,
  sourceDir: string,
): Promise<Record<string, unknown>> {
  const result = await bundle({
    doc: redoclyDocument(loaded),
    config,
    externalRefResolver: new BaseResolver(config.resolve),
  });
  const formatter = new ProblemFormatter(sourceDir);
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new SyncErrors(errors.map((problem) => formatter.error(problem)));
  return result.bundle.parsed as Record<string, unknown>;
}
