import { pageUrl } from '../model/pages.ts';
import type { ApiModel, OperationSummary } from '../model/types.ts';

/** Cross-references of one model: schema name → page URL, operation key → operation. */
export interface ReferenceLinks {
  /** URL of a component schema's page: `Charger` → `/api-reference/schemas/charger/`. */
  schema(name: string): string | undefined;
  /** The operation of a key such as `get /ocpp/chargers`. */
  operation(key: string): OperationSummary | undefined;
}

const cache = new WeakMap<ApiModel, ReferenceLinks>();

export function referenceLinks(model: ApiModel): ReferenceLinks {
  const known = cache.get(model);
  if (known !== undefined) return known;
  const schemas = new Map(model.schemas.map((schema) => [schema.name, pageUrl(schema.slug)]));
  const operations = new Map(model.operations.map((operation) => [operation.key, operation]));
  const links: ReferenceLinks = {
    schema: (name) => schemas.get(name),
    operation: (key) => operations.get(key),
  };
  cache.set(model, links);
  return links;
}
