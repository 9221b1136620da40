import { asArray, asObject, asString, isObject, type JsonObject } from './json.ts';
import { discriminatorOf } from './schema-discriminator.ts';
import { convertPlain } from './schema-plain.ts';
import { annotate, emptyNode, hasStructure, type Walk } from './schema-walk.ts';
import type { SchemaNode, Variant, Variants } from './types.ts';

/** `oneOf`/`anyOf`: a lone non-null option plus `null` is just a nullable schema. */
export function convertAlternatives(raw: JsonObject, kind: 'oneOf' | 'anyOf', walk: Walk): SchemaNode {
  const options = asArray(raw[kind]);
  const nonNull = options.filter((option) => !isNullSchema(option));
  const hasNull = nonNull.length < options.length;
  const { [kind]: _options, ...rest } = raw;

  if (nonNull.length === 1) {
    const inner = walk.convert(nonNull[0], walk);
    const node = annotate({ ...inner, nullable: inner.nullable || hasNull }, rest);
    return hasStructure(rest) ? mergePlain(node, rest, walk) : node;
  }

  const variantList: Variant[] = nonNull.map((option, index) => {
    const schema = walk.convert(option, {
      ...walk,
      depth: walk.depth + 1,
      at: `${walk.at}/${kind}/${index}`,
    });
    return { name: schema.ref ?? schema.title ?? `Option ${index + 1}`, schema };
  });
  const variants: Variants = { kind, options: variantList };
  const discriminator = asObject(raw.discriminator);
  const propertyName = asString(discriminator.propertyName);
  if (propertyName !== undefined) {
    variants.discriminator = discriminatorOf(discriminator, propertyName, variantList);
  }
  const node: SchemaNode = annotate({ ...emptyNode(kind), nullable: hasNull, variants }, rest);
  return hasStructure(rest) ? mergePlain(node, rest, walk) : node;
}

function isNullSchema(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.type === 'null' ||
      (Array.isArray(value.type) && value.type.length === 1 && value.type[0] === 'null') ||
      (value.const === null && Object.keys(value).length === 1) ||
      (Array.isArray(value.enum) && value.enum.length === 1 && value.enum[0] === null))
  );
}

/** Keeps object members declared beside `oneOf`/`anyOf` (shared properties of every variant). */
function mergePlain(node: SchemaNode, rest: JsonObject, walk: Walk): SchemaNode {
  const plain = convertPlain(rest, walk);
  const merged: SchemaNode = { ...node, constraints: [...node.constraints, ...plain.constraints] };
  if (plain.properties) merged.properties = [...(node.properties ?? []), ...plain.properties];
  if (plain.enum) merged.enum = plain.enum;
  if (node.type === 'any') merged.type = plain.type;
  return merged;
}
