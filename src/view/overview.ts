import type { ApiModel, OperationSummary, Parameter, Response } from '../model/types.ts';

/**
 * Facts the API overview page states about the whole contract, gathered from
 * every operation: the headers many operations take (the tenant header), the
 * pagination parameters, the error statuses and the asynchronous (202) operations.
 */

export interface SharedParameter {
  parameter: Parameter;
  /** How many operations declare it. */
  operations: number;
}

/** Query parameter names that page through a list. */
const PAGINATION_NAMES = new Set([
  'page',
  'limit',
  'offset',
  'cursor',
  'per_page',
  'page_size',
  'pageSize',
  'perPage',
  'starting_after',
  'ending_before',
  'after',
  'before',
]);

function shared(model: ApiModel, keep: (parameter: Parameter) => boolean): SharedParameter[] {
  const found = new Map<string, SharedParameter>();
  for (const operation of model.operations) {
    for (const parameter of model.detail(operation).parameters) {
      if (!keep(parameter)) continue;
      const key = `${parameter.in} ${parameter.name.toLowerCase()}`;
      const entry = found.get(key);
      if (entry === undefined) found.set(key, { parameter, operations: 1 });
      else entry.operations += 1;
    }
  }
  return [...found.values()].sort((a, b) => b.operations - a.operations);
}

/** Header parameters, most used first (`X-Organization-Id` on every tenant-scoped route). */
function sharedHeaders(model: ApiModel): SharedParameter[] {
  return shared(model, (parameter) => parameter.in === 'header');
}

/** Query parameters that page through lists, most used first. */
function paginationParameters(model: ApiModel): SharedParameter[] {
  return shared(model, (parameter) => parameter.in === 'query' && PAGINATION_NAMES.has(parameter.name));
}

export interface ErrorStatus {
  status: string;
  statusText?: string;
  /** The description most operations give for this status. */
  description: string;
  /** The component schema of the error body, when it has one. */
  schema?: string;
  operations: number;
}

/** Every error status the operations declare, in status order, with its usual meaning and body. */
function errorStatuses(model: ApiModel): ErrorStatus[] {
  const byStatus = new Map<
    string,
    { descriptions: Map<string, number>; schemas: Map<string, number>; count: number; sample: Response }
  >();
  for (const operation of model.operations) {
    for (const response of model.detail(operation).responses) {
      if (!response.isError) continue;
      const entry = byStatus.get(response.status) ?? {
        descriptions: new Map<string, number>(),
        schemas: new Map<string, number>(),
        count: 0,
        sample: response,
      };
      entry.count += 1;
      entry.descriptions.set(response.description, (entry.descriptions.get(response.description) ?? 0) + 1);
      const schema = response.content[0]?.schema?.ref;
      if (schema !== undefined) entry.schemas.set(schema, (entry.schemas.get(schema) ?? 0) + 1);
      byStatus.set(response.status, entry);
    }
  }
  const out: ErrorStatus[] = [];
  for (const [status, entry] of byStatus) {
    const item: ErrorStatus = {
      status,
      description: mostCommon(entry.descriptions) ?? '',
      operations: entry.count,
    };
    if (entry.sample.statusText !== undefined) item.statusText = entry.sample.statusText;
    const schema = mostCommon(entry.schemas);
    if (schema !== undefined) item.schema = schema;
    out.push(item);
  }
  return out.sort((a, b) => a.status.localeCompare(b.status));
}

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

export interface AsyncOperation {
  operation: OperationSummary;
  response: Response;
}

/** Operations that answer `202 Accepted`: the work continues after the response. */
function asyncOperations(model: ApiModel): AsyncOperation[] {
  const out: AsyncOperation[] = [];
  for (const operation of model.operations) {
    const response = model.detail(operation).responses.find((candidate) => candidate.status === '202');
    if (response !== undefined) out.push({ operation, response });
  }
  return out;
}

/** Whether a status is worth retrying (timeouts, rate limits, server errors) per HTTP semantics. */
export function isRetryable(status: string): boolean {
  return status === '408' || status === '429' || /^5/.test(status);
}

export interface OverviewFacts {
  headers: SharedParameter[];
  pagination: SharedParameter[];
  errors: ErrorStatus[];
  async: AsyncOperation[];
}

const factsCache = new WeakMap<ApiModel, OverviewFacts>();

/** All the overview's facts, gathered once per model. */
export function overviewFacts(model: ApiModel): OverviewFacts {
  const known = factsCache.get(model);
  if (known !== undefined) return known;
  const facts: OverviewFacts = {
    headers: sharedHeaders(model),
    pagination: paginationParameters(model),
    errors: errorStatuses(model),
    async: asyncOperations(model),
  };
  factsCache.set(model, facts);
  return facts;
}
