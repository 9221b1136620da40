import { existsSync } from 'node:fs';
import path from 'node:path';
import { BaseResolver, type Config, createConfig, lintDocument, loadConfig } from '@redocly/openapi-core';
import { redoclyDocument } from './bundle.ts';
import { SyncErrors } from './errors.ts';
import type { Loaded } from './load.ts';
import { ProblemFormatter } from './problems.ts';

/** The project's `redocly.yaml` when it has one, else Redocly's recommended rules. */
export async function loadRules(root: string): Promise<Config> {
  const configPath = path.join(root, 'redocly.yaml');
  return existsSync(configPath) ? loadConfig({ configPath }) : createConfig({ extends: ['recommended'] });
}

/**
 * Structure and lint rules, on the source files (so that places point into them, not into the
 * bundle). Errors stop the sync; warnings are returned to be printed.
 */
export async function validateContract(loaded: Loaded, config: Config, sourceDir: string): Promise<string[]> {
  const problems = await lintDocument({
    document: redoclyDocument(loaded),
    config,
    externalRefResolver: new BaseResolver(config.resolve),
  });
  const formatter = new ProblemFormatter(sourceDir);
  const errors = problems.filter((problem) => problem.severity === 'error' && problem.ignored !== true);
  if (errors.length > 0) throw new SyncErrors(errors.map((problem) => formatter.error(problem)));
  return problems
    .filter((problem) => problem.severity === 'warn' && problem.ignored !== true)
    .map((problem) => formatter.warning(problem));
}
