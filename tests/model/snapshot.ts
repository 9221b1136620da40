import { constraintText, typeLabel } from '../../src/model/format.ts';
import type { ApiModel, Field, MediaType, Parameter, Response, SchemaNode } from '../../src/model/types.ts';

/** Operations (by key) and webhooks (by name) a golden file shows, with the schemas they use. */
export interface SnapshotSelection {
  operations: readonly string[];
  webhooks: readonly string[];
}

/**
 * A reviewable, deterministic picture of a model for golden files. Schema nodes
 * keep only what is set (no `false` flags, no empty lists) and carry the label
 * and constraint phrases readers see, so a golden file reads like the page.
 */
export function modelSnapshot(model: ApiModel, only?: SnapshotSelection): unknown {
  const keep = (key: string) => only === undefined || only.operations.includes(key);
  const operations = model.operations.filter((summary) => keep(summary.key));
  const webhooks = model.webhooks.filter(
    (webhook) => only === undefined || only.webhooks.includes(webhook.name),
  );
  // With a selection, the schemas the chosen operations use.
  const schemas = model.schemas.filter((schema) => only === undefined || schema.usedBy.some(keep));
  return {
    title: model.title,
    version: model.version,
    baseUrl: model.baseUrl,
    servers: model.servers,
    securitySchemes: model.securitySchemes,
    security: model.security.map((r) => r.schemes.map((s) => s.scheme.key)),
    navigation: model.groups.map((group) => ({
      group: `${group.name} → ${group.pageSlug}`,
      tags: group.tags.map((tag) => ({
        tag: `${tag.name} → ${tag.pageSlug}`,
        operations: tag.operations.map(
          (op) => `${op.key} → ${op.slug}${op.deprecated ? ' (deprecated)' : ''}`,
        ),
      })),
    })),
    operations: operations.map((summary) => {
      const detail = model.detail(summary);
      return {
        key: detail.key,
        operationId: detail.operationId,
        summary: detail.summary,
        description: detail.description,
        security: detail.security.map((r) => r.schemes.map((s) => s.scheme.key)),
        parameters: detail.parameters.map(parameter),
        requestBody: detail.requestBody && {
          required: detail.requestBody.required,
          description: detail.requestBody.description,
          content: detail.requestBody.content.map(media),
        },
        responses: detail.responses.map(response),
        callbacks: detail.callbacks,
        samples: Object.fromEntries(detail.samples.map((sample) => [sample.label, sample.code.split('\n')])),
      };
    }),
    webhooks: webhooks.map((webhook) => ({
      name: webhook.name,
      method: webhook.method,
      slug: webhook.slug,
      summary: webhook.summary,
      parameters: webhook.parameters.map(parameter),
      requestBody: webhook.requestBody && {
        required: webhook.requestBody.required,
        content: webhook.requestBody.content.map(media),
      },
      responses: webhook.responses.map(response),
    })),
    schemas: schemas.map((schema) => ({
      name: schema.name,
      slug: schema.slug,
      usedBy: schema.usedBy,
      node: node(model.schemaNode(schema)),
    })),
  };
}

function parameter(p: Parameter): unknown {
  return {
    name: p.name,
    in: p.in,
    required: p.required,
    deprecated: p.deprecated || undefined,
    description: p.description,
    schema: node(p.schema),
    example: p.example,
  };
}

function media(m: MediaType): unknown {
  return { mediaType: m.mediaType, schema: m.schema && node(m.schema), examples: m.examples };
}

function response(r: Response): unknown {
  return {
    status: r.statusText === undefined ? r.status : `${r.status} ${r.statusText}`,
    isError: r.isError,
    description: r.description,
    headers: r.headers.length > 0 ? r.headers : undefined,
    content: r.content.map(media),
  };
}

function node(n: SchemaNode): unknown {
  return {
    label: typeLabel(n),
    type: n.type,
    ref: n.ref,
    nullable: n.nullable || undefined,
    title: n.title,
    description: n.description,
    deprecated: n.deprecated || undefined,
    readOnly: n.readOnly || undefined,
    writeOnly: n.writeOnly || undefined,
    format: n.format,
    default: n.default,
    const: n.const,
    enum: n.enum,
    constraints: n.constraints.length > 0 ? n.constraints.map(constraintText) : undefined,
    examples: n.examples.length > 0 ? n.examples : undefined,
    recursive: n.recursive,
    truncated: n.truncated,
    properties: n.properties?.map(field),
    prefixItems: n.prefixItems?.map(node),
    items: n.items && node(n.items),
    additionalProperties:
      n.additionalProperties === undefined || n.additionalProperties === true
        ? n.additionalProperties
        : node(n.additionalProperties),
    discriminator: n.discriminator,
    variants: n.variants && {
      kind: n.variants.kind,
      discriminator: n.variants.discriminator,
      options: n.variants.options.map((option) => ({ name: option.name, schema: node(option.schema) })),
    },
  };
}

function field(f: Field): unknown {
  return { name: f.name, required: f.required, schema: node(f.schema) };
}

/** Stable JSON for golden files: two-space indent, `undefined` members dropped, trailing newline. */
export function goldenJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
