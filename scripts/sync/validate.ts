import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  BaseResolver,
  type Config,
  createConfig,
  lintDocument,
  loadConfig,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { redoclyDocument } from './bundle.ts';
import { CONFIG_FILE, type LintPolicy } from './config.ts';
import { SyncError, SyncErrors } from './errors.ts';
import type { Loaded } from './load.ts';
import { ProblemFormatter } from './problems.ts';

/** The project's `redocly.yaml` when it has one, else Redocly's recommended rules. */
export async function loadRules(root: string): Promise<Config> {
  const configPath = path.join(root, 'redocly.yaml');
  return existsSync(configPath) ? loadConfig({ configPath }) : createConfig({ extends: ['recommended'] });
}

/**
 * Rules whose findings mean we cannot document the contract correctly: the document does not
 * match the OpenAPI structure, or a `$ref` leads nowhere. They stop the sync whatever the policy.
 */
const STRUCTURAL_RULES = new Set(['struct', 'no-unresolved-refs']);

/**
 * A finding that stops the sync whatever the policy. A property the specification does not
 * define (3.0's `nullable` in a 3.1 schema, an extension Redocly knows in another shape) is
 * ignored by every tool that reads the contract, the docs included: it is a lint finding. So is
 * a schema keyword in the other version's form the model reads as well.
 */
function isStructural(problem: NormalizedProblem): boolean {
  if (!STRUCTURAL_RULES.has(problem.ruleId)) return false;
  if (problem.ruleId !== 'struct') return true;
  const pointer = problem.location[0]?.pointer ?? '';
  const inExtension = pointer.split('/').some((segment) => segment.startsWith('x-'));
  // 3.0's boolean `exclusiveMinimum: true` in a 3.1 schema: the model reads both forms.
  const boundFlag = /\/exclusive(Minimum|Maximum)$/.test(pointer) && /got `boolean`/.test(problem.message);
  return !inExtension && !boundFlag && !/^Property `[^`]*` is not expected here/.test(problem.message);
}

/** Findings printed one by one; beyond these, only the counts by rule. */
const LISTED = 10;
/** Rules named with their counts in a summary line; the rest are counted together. */
const TOP_RULES = 8;

export interface Validation {
  /** Every warning, one line each. */
  warnings: string[];
  /** What to print: the first warnings, then their counts by rule when there are more. */
  printed: string[];
}

/**
 * Structure and lint rules, on the source files (so that places point into them, not into the
 * bundle). Structural errors always stop the sync; lint errors stop it under the `error` policy
 * and are warnings under `warn`.
 */
export async function validateContract(
  loaded: Loaded,
  config: Config,
  sourceDir: string,
  policy: LintPolicy = 'error',
): Promise<Validation> {
  const problems = (
    await lintDocument({
      document: redoclyDocument(loaded),
      config,
      externalRefResolver: new BaseResolver(config.resolve),
    })
  ).filter((problem) => problem.ignored !== true && !isSchemaNameMapping(problem, loaded));
  const formatter = new ProblemFormatter(sourceDir);
  const errors = problems.filter((problem) => problem.severity === 'error');
  const structural = errors.filter(isStructural);
  if (structural.length > 0) throw new SyncErrors(structural.map((problem) => formatter.error(problem)));
  if (policy === 'error' && errors.length > 0) throw refusal(errors, formatter, loaded.file);
  const warned = problems.filter(
    (problem) => problem.severity === 'warn' || (policy === 'warn' && problem.severity === 'error'),
  );
  const warnings = warned.map((problem) => formatter.warning(problem));
  const printed = warnings.slice(0, LISTED);
  if (warnings.length > LISTED) {
    printed.push(
      `warning: … and ${warnings.length - LISTED} more; ${warnings.length} warnings by rule: ${countsByRule(warned)}`,
    );
  }
  return { warnings, printed };
}

/**
 * Redocly reports a discriminator `mapping` value that is a schema name (`Cat`, which OpenAPI
 * allows beside `#/components/schemas/Cat`) as an unresolvable `$ref`. Such a finding is dropped
 * when the name is a component schema of the root file; the types stage qualifies those names.
 */
function isSchemaNameMapping(problem: NormalizedProblem, loaded: Loaded): boolean {
  const location = problem.location[0];
  const pointer = location?.pointer;
  if (problem.ruleId !== 'no-unresolved-refs' || pointer === undefined) return false;
  if (location?.source.absoluteRef !== loaded.absolutePath) return false;
  if (!/\/discriminator\/mapping\/[^/]+$/.test(pointer)) return false;
  let node: unknown = loaded.document;
  for (const segment of pointer.replace(/^#\//, '').split('/')) {
    const key = decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  const components = loaded.document.components as { schemas?: Record<string, unknown> } | undefined;
  return typeof node === 'string' && components?.schemas?.[node] !== undefined;
}

/** `operation-summary 412, no-server-trailing-slash 1, … and 3 more rules (9)` */
function countsByRule(problems: NormalizedProblem[]): string {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem.ruleId, (counts.get(problem.ruleId) ?? 0) + 1);
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const named = sorted
    .slice(0, TOP_RULES)
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ');
  const rest = sorted.slice(TOP_RULES);
  const restCount = rest.reduce((sum, [, count]) => sum + count, 0);
  return rest.length === 0 ? named : `${named}, and ${rest.length} more rules (${restCount})`;
}

/** The first findings one by one, then one line that counts them by rule and says how to go on. */
function refusal(errors: NormalizedProblem[], formatter: ProblemFormatter, file: string): SyncErrors {
  const listed = errors.slice(0, LISTED).map((problem) => formatter.error(problem));
  const more = errors.length > LISTED ? `, ${errors.length - LISTED} of them not listed above` : '';
  const noun = errors.length === 1 ? 'lint error' : 'lint errors';
  listed.push(
    new SyncError(
      file,
      `refused for ${errors.length} ${noun}${more} (by rule: ${countsByRule(errors)})`,
      `correct the contract in the source; or set those rules to warn or off in redocly.yaml, each with a reason comment; or adopt the contract as it is with \`npm run sync -- --lint warn\` (or "sync": { "lint": "warn" } in ${CONFIG_FILE}), which prints them as warnings`,
    ),
  );
  return new SyncErrors(listed);
}
