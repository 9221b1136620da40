import { BaseResolver, bundle, type Config, type Document, Source } from '@redocly/openapi-core';
import { hideDataRefs, showDataRefs } from '../../src/model/data.ts';
import { SyncErrors } from './errors.ts';
import type { Loaded } from './load.ts';
import { ProblemFormatter } from './problems.ts';

/**
 * The root file as a Redocly document, on a copy of the parsed value (Redocly edits it in place),
 * with the `$ref` keys inside example and extension data hidden: they are data, and Redocly would
 * follow them (and fail on the ones that point nowhere).
 */
export function redoclyDocument(loaded: Loaded): Document {
  const mimeType = loaded.absolutePath.endsWith('.json') ? 'application/json' : 'application/yaml';
  const parsed = structuredClone(loaded.document);
  hideDataRefs(parsed);
  return { source: new Source(loaded.absolutePath, loaded.text, mimeType), parsed };
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
  const bundled = result.bundle.parsed as Record<string, unknown>;
  showDataRefs(bundled);
  return bundled;
}
