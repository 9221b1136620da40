// `/try-it/<operation page path>.json`: what the "Try it" console of one operation page loads
// when it opens (src/model/try-it.ts), so the pages carry none of it.
import type { APIRoute, GetStaticPaths } from 'astro';
import { tryItSlug, tryItSpec } from '../../model/try-it.ts';
import type { OperationSummary } from '../../model/types.ts';
import { contract, model } from '../../site.ts';

export const getStaticPaths = (() =>
  model.operations.map((operation) => ({
    params: { slug: tryItSlug(operation.slug) },
    props: { operation },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ operation: OperationSummary }> = ({ props }) =>
  new Response(JSON.stringify(tryItSpec(contract, model.detail(props.operation))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
