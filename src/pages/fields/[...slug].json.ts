// `/fields/<page path>.json`: the field lists a reference page defers past its field budget
// (src/render/fields-html.ts), by id; the page's folded toggles load them when they open, so no
// page grows with the schemas it shows. Only pages that defer a list have one.
import type { APIRoute, GetStaticPaths } from 'astro';
import { type FieldsPage, hasFields, pageFields } from '../../render/page-fields.ts';
import { model, reference } from '../../site.ts';

export const getStaticPaths = (() =>
  // The lists are rendered again in GET, one page at a time, rather than held for every page.
  reference
    .filter(hasFields)
    .filter((page) => pageFields(model, page).deferred.size > 0)
    .map((page) => ({ params: { slug: page.slug }, props: { page } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: FieldsPage }> = ({ props }) =>
  new Response(JSON.stringify(Object.fromEntries(pageFields(model, props.page).deferred)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
