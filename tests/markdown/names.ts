import type { OperationDetail, SchemaNode } from '../../src/model/types.ts';

/**
 * Every parameter name and every field name (at any depth, through arrays, maps
 * and variants) an operation declares, read from the model's schema trees,
 * independently of the Markdown renderer. `errors: false` leaves out the bodies
 * of error responses, which operation twins name and link rather than repeat.
 */
export function contractFieldNames(operation: OperationDetail, options: { errors: boolean }): string[] {
  const names = new Set<string>(operation.parameters.map((parameter) => parameter.name));
  const seen = new Set<SchemaNode>();
  const walk = (node: SchemaNode | undefined) => {
    if (node === undefined || seen.has(node)) return;
    seen.add(node);
    for (const field of node.properties ?? []) {
      names.add(field.name);
      walk(field.schema);
    }
    walk(node.items);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties);
    for (const variant of node.variants?.options ?? []) walk(variant.schema);
  };
  for (const media of operation.requestBody?.content ?? []) walk(media.schema);
  for (const response of operation.responses) {
    if (response.isError && !options.errors) continue;
    for (const media of response.content) walk(media.schema);
    for (const header of response.headers) names.add(header.name);
  }
  return [...names];
}
