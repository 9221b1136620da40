/**
 * A failure the maintainer can act on: where it happened, what is wrong, how to fix it.
 * Every stage throws these; the CLI prints them and exits 2. Anything else is a bug.
 *
 * @example
 * new SyncError('openapi/openapi.json:3:8', 'JSON syntax error: value expected', 'correct the JSON at line 3, column 8')
 * // → "openapi/openapi.json:3:8: JSON syntax error: value expected. Fix: correct the JSON at line 3, column 8."
 */
export class SyncError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${where}: ${problem}. Fix: ${fix}.`);
    this.name = 'SyncError';
  }
}

/** Several problems found in one pass (lint errors, unresolved refs): all are reported at once. */
export class SyncErrors extends Error {
  constructor(readonly errors: SyncError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'SyncErrors';
  }
}

/** The lines to print for a failure of the sync, one per problem. */
export function errorLines(error: unknown): string[] | undefined {
  if (error instanceof SyncErrors) return error.errors.map((e) => e.message);
  if (error instanceof SyncError) return [error.message];
  return undefined;
}
