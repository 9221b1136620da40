import { conforms, constraintValue } from './conform.ts';
import type { MediaType, RequestBody, Response, SchemaNode } from './types.ts';

/**
 * The most characters of pretty-printed JSON one example block of an HTML page shows. An
 * operation page shows its request example up to four times (the body's example, then inside
 * the curl, Python and TypeScript samples) and one example per response status: Stripe's
 * `POST /v1/payment_intents` showed 140 KB of them. 2,500 characters are about 80 lines, and
 * highlighted about 4.5 KB a block.
 */
export const SHOWN_EXAMPLE_LIMIT = 2_500;

/**
 * The characters of example text one page shows at most, over all its example blocks: a page
 * with many statuses, media types or named examples divides it between them, down to
 * `SHORTEST_LIMIT` a block. About 18 KB highlighted (form-encoded samples run longer).
 */
export const PAGE_EXAMPLES_LIMIT = 9_000;

/** The least a block is given, however many a page has: 20 lines. */
const SHORTEST_LIMIT = 600;

/** Named examples a page shows per media type; the rest are in the Markdown twin. */
export const EXAMPLES_SHOWN = 3;

/** What an operation or webhook page shows examples of. */
interface WithExamples {
  requestBody?: RequestBody | undefined;
  responses: readonly Response[];
}

/**
 * The limit of each example block of a page (its request examples, the three code samples that
 * send the first one, its response examples): `SHOWN_EXAMPLE_LIMIT` while the blocks together
 * stay within `PAGE_EXAMPLES_LIMIT`, else an equal share of it.
 */
export function exampleLimit(page: WithExamples, samples: boolean): number {
  const body = page.requestBody?.content ?? [];
  const sizes: number[] = [];
  const add = (media: MediaType) => {
    for (const example of media.examples.slice(0, EXAMPLES_SHOWN)) sizes.push(size(example.value));
  };
  body.forEach(add);
  const sent = body.find((media) => media.examples.length > 0)?.examples[0];
  if (samples && sent !== undefined) sizes.push(...Array(3).fill(size(sent.value)));
  for (const response of page.responses) response.content.forEach(add);
  const total = sizes.reduce((sum, one) => sum + Math.min(one, SHOWN_EXAMPLE_LIMIT), 0);
  if (total <= PAGE_EXAMPLES_LIMIT) return SHOWN_EXAMPLE_LIMIT;
  const share = Math.floor(PAGE_EXAMPLES_LIMIT / sizes.length);
  return Math.max(SHORTEST_LIMIT, Math.min(SHOWN_EXAMPLE_LIMIT, share));
}

/** An example as a page shows it: whole, shortened (`cut`), or too long to show at all. */
export type ShownExample = { value: unknown; cut: boolean } | undefined;

const size = (value: unknown) => (JSON.stringify(value, null, 2) ?? 'null').length;

/**
 * `value` shortened to `limit` characters of pretty-printed JSON, still valid against `node`:
 * arrays keep their first items (as many as `minItems` asks), then the optional members of
 * ever shallower objects are left out. A value that conformed keeps conforming (checked after
 * each cut); undefined when no such cut is short enough (the page says where the full one is).
 * The Markdown twins and the model keep the full examples.
 */
export function shortExample(
  value: unknown,
  node: SchemaNode | undefined,
  limit = SHOWN_EXAMPLE_LIMIT,
): ShownExample {
  if (size(value) <= limit) return { value, cut: false };
  if (node === undefined) return undefined;
  const keep = conforms(value, node);
  for (const depth of [Number.POSITIVE_INFINITY, 8, 6, 5, 4, 3, 2, 1, 0]) {
    const candidate = cut(value, node, 0, depth);
    if (size(candidate) <= limit && (!keep || conforms(candidate, node)))
      return { value: candidate, cut: true };
  }
  return undefined;
}

/** The node that describes `value`: a variant's when the node has variants and one matches. */
function describing(value: unknown, node: SchemaNode | undefined): SchemaNode | undefined {
  if (node === undefined || node.recursive === true || node.truncated === true) return undefined;
  if (node.variants === undefined || node.variants.options.length === 0) return node;
  const option = node.variants.options.find((candidate) => conforms(value, candidate.schema));
  // Members declared beside the variants apply to every one: a variant alone would drop them.
  return option === undefined || node.properties !== undefined ? undefined : option.schema;
}

/** `value` with arrays shortened and, at `from` levels deep and below, optional members left out. */
function cut(value: unknown, schema: SchemaNode | undefined, depth: number, from: number): unknown {
  const node = describing(value, schema);
  if (node === undefined) return value;
  if (Array.isArray(value)) {
    const min = constraintValue(node, 'minItems');
    const count = Math.max(typeof min === 'number' ? min : 0, 1);
    const item = (entry: unknown, index: number) =>
      cut(entry, node.prefixItems?.[index] ?? node.items, depth + 1, from);
    return value.slice(0, count).map(item);
  }
  if (typeof value !== 'object' || value === null) return value;
  const fields = new Map((node.properties ?? []).map((field) => [field.name, field]));
  const extra = node.additionalProperties;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const field = fields.get(key);
    if (depth >= from && field?.required !== true) continue;
    const memberNode = field?.schema ?? (extra === undefined || extra === true ? undefined : extra);
    out[key] = cut(member, memberNode, depth + 1, from);
  }
  return out;
}
