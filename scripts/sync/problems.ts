import path from 'node:path';
import {
  getLineColLocation,
  type NormalizedProblem,
  type Source,
  unescapePointerFragment,
} from '@redocly/openapi-core';
import { parse } from 'yaml';
import { SyncError } from './errors.ts';

/** Turns Redocly's problems into messages that name the file, the place and the fix. */
export class ProblemFormatter {
  readonly #parsed = new WeakMap<Source, unknown>();

  /** @param sourceDir file names are printed relative to it */
  constructor(readonly sourceDir: string) {}

  relative(absolute: string): string {
    return path.relative(this.sourceDir, absolute).split(path.sep).join('/');
  }

  /** `file:line:col` of the problem's first location. */
  where(problem: NormalizedProblem): string {
    const location = problem.location[0];
    if (location === undefined) return '(unknown place)';
    const { start } = getLineColLocation(location) as { start?: { line: number; col: number } };
    const file = this.relative(location.source.absoluteRef);
    return start === undefined ? file : `${file}:${start.line}:${start.col}`;
  }

  /** Absolute paths in Redocly's messages → paths relative to the source. */
  #relativize(message: string): string {
    return message.replaceAll(/(["']?)(\/[^"'\s]+)\1/g, (_, _quote: string, absolute: string) =>
      absolute.startsWith(this.sourceDir) ? this.relative(absolute) : absolute,
    );
  }

  /** The `$ref` string found at a problem's location, read from the file it is in. */
  #refAt(source: Source, pointer: string): string | undefined {
    if (!this.#parsed.has(source)) this.#parsed.set(source, safeParse(source.body));
    let node = this.#parsed.get(source);
    for (const segment of pointer.replace(/^#\/?/, '').split('/')) {
      if (segment === '') continue;
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[unescapePointerFragment(segment)];
    }
    const ref =
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>).$ref : undefined;
    return typeof ref === 'string' ? ref : undefined;
  }

  error(problem: NormalizedProblem): SyncError {
    const location = problem.location[0];
    const pointer = location?.pointer;
    const parseFailure = /^Failed to parse: (.*) in "([^"]+)" \((\d+):(\d+)\)$/.exec(problem.message);
    if (parseFailure !== null) {
      const [, what, file = '', line, col] = parseFailure;
      return new SyncError(
        `${this.relative(file)}:${line}:${col}`,
        `YAML syntax error: ${what}`,
        `correct the YAML at line ${line}, column ${col}`,
      );
    }
    if (problem.message.startsWith("Can't resolve $ref") && location !== undefined && pointer !== undefined) {
      const ref = this.#refAt(location.source, pointer) ?? '?';
      const reason = this.#relativize(problem.message.replace(/^Can't resolve \$ref:?\s*/, ''));
      const why =
        reason === ''
          ? 'its target does not exist'
          : reason
              .replace(/^ENOENT: no such file or directory (\S+)$/, 'no such file: $1')
              .replace(/^(.*) in (\S+) \((\d+):(\d+)\)$/, '$2:$3:$4 cannot be parsed: $1');
      return new SyncError(
        this.where(problem),
        `$ref '${ref}' at ${pointer} cannot be resolved (${why})`,
        'correct the $ref, or add what it points to',
      );
    }
    const place = pointer === undefined ? '' : `${pointer}: `;
    return new SyncError(
      this.where(problem),
      `${place}${this.#relativize(problem.message)} (rule ${problem.ruleId})`,
      problem.ruleId === 'struct'
        ? 'change the value at that place in the source so that it matches the OpenAPI specification'
        : `correct the contract in the source; if the rule does not fit it, set "${problem.ruleId}" to warn or off in redocly.yaml with a reason comment`,
    );
  }

  warning(problem: NormalizedProblem): string {
    const pointer = problem.location[0]?.pointer;
    const place = pointer === undefined ? '' : ` ${pointer}:`;
    return `warning: ${this.where(problem)}:${place} ${this.#relativize(problem.message)} (rule ${problem.ruleId})`;
  }
}

function safeParse(body: string): unknown {
  try {
    return parse(body);
  } catch {
    return undefined;
  }
}
