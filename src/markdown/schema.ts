import { exampleFor } from '../model/example.ts';
import { typeLabel } from '../model/format.ts';
import { schemaKey } from '../model/published.ts';
import type { NamedSchema, SchemaNode } from '../model/types.ts';
import { literal, memberLines } from './fields.ts';
import { twinLink } from './links.ts';
import { inlineCode } from './markdown.ts';
import { historyLine, type ReferenceContext, sectionScope } from './reference-context.ts';
import { exampleBlock } from './reference-sections.ts';
import { description } from './text.ts';

/**
 * The body of a component schema's twin, under the HTML page's headings:
 * description, Fields (its members, nested named schemas expanded as on the
 * page, so the twin is complete on its own; linked in llms-full.txt, where each
 * schema is a section of the same file), Example, Used by.
 */
export function schemaMarkdown(schema: NamedSchema, context: ReferenceContext): string {
  const node = context.model.schemaNode(schema);
  const blocks: string[] = [...historyLine(schemaKey(schema), context)];
  if (schema.description) blocks.push(description(schema.description, 1));
  const facts = [`Type: ${inlineCode(typeLabel(withoutRef(node)))}`];
  if (node.deprecated) facts.push('deprecated');
  if (node.enum !== undefined && node.enum.length > 0) {
    facts.push(`one of ${node.enum.map((value) => inlineCode(literal(value))).join(', ')}`);
  }
  blocks.push('## Fields', `${facts.join(', ')}.`);
  const scope = sectionScope(context);
  scope.expanded.add(schema.name);
  const lines = memberLines(node, scope);
  if (lines.length > 0) blocks.push(lines.join('\n'));

  // In llms-full.txt an example made up from the fields, and the list of operations
  // (which name their schemas in the same file), would add tokens and no facts.
  if (context.mode === 'full') return blocks.join('\n\n');

  const example = node.examples.length > 0 ? node.examples[0] : exampleFor(node);
  blocks.push(
    '## Example',
    exampleBlock({ value: example, generated: false }, 'application/json', context, schema.name),
  );

  const users = schema.usedBy.flatMap((key) =>
    context.model.operations.filter((operation) => operation.key === key),
  );
  blocks.push('## Used by');
  if (users.length === 0) blocks.push('No operation uses this schema directly.');
  else {
    blocks.push(
      users
        .map(
          (operation) =>
            `- [${operation.summary}](${twinLink(operation.slug, context.site)}) ${inlineCode(`${operation.method.toUpperCase()} ${operation.path}`)}`,
        )
        .join('\n'),
    );
  }
  return blocks.join('\n\n');
}

/** The node as its own type: `object`, not its own name. */
function withoutRef(node: SchemaNode): SchemaNode {
  const { ref: _ref, ...rest } = node;
  return rest;
}
