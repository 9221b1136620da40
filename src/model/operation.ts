import { STATUS_TEXT } from './format.ts';
import { asArray, asObject, asString, isObject, type JsonObject } from './json.ts';
import { mediaTypes } from './media.ts';
import { pathItemOperations } from './navigation.ts';
import { parameters } from './parameter.ts';
import type { Resolver } from './resolver.ts';
import { type SchemaOptions, schemaNode } from './schema.ts';
import { securityRequirements } from './security.ts';
import type { OperationParts, RequestBody, Response, ResponseHeader, SecurityScheme } from './types.ts';

export interface OperationContext {
  resolver: Resolver;
  maxDepth: number;
  securitySchemes: SecurityScheme[];
  /** The document-level `security`, used when the operation has none of its own. */
  defaultSecurity: unknown;
}

/** Resolves what one operation (or webhook) declares: the common part of both pages. */
export function operationParts(
  operation: JsonObject,
  pathItem: JsonObject,
  context: OperationContext,
  at: string,
): OperationParts {
  const request: SchemaOptions = {
    resolver: context.resolver,
    direction: 'request',
    maxDepth: context.maxDepth,
  };
  const response: SchemaOptions = { ...request, direction: 'response' };
  const parts: OperationParts = {
    security:
      'security' in operation
        ? securityRequirements(operation.security, context.securitySchemes, `${at}/security`)
        : securityRequirements(context.defaultSecurity, context.securitySchemes),
    parameters: parameters(
      asArray(pathItem.parameters),
      asArray(operation.parameters),
      request,
      context.resolver,
      at,
    ),
    responses: responses(operation.responses, response, at),
    callbacks: callbacks(operation.callbacks, context.resolver, at),
  };
  const description = asString(operation.description) ?? asString(pathItem.description);
  if (description !== undefined) parts.description = description;
  if (operation.requestBody !== undefined) {
    const { value } = context.resolver.deref(operation.requestBody, `${at}/requestBody`);
    const body: RequestBody = {
      required: value.required === true,
      content: mediaTypes(value.content, request, `${at}/requestBody`),
    };
    const bodyDescription = asString(value.description);
    if (bodyDescription !== undefined) body.description = bodyDescription;
    parts.requestBody = body;
  }
  return parts;
}

function responses(raw: unknown, options: SchemaOptions, at: string): Response[] {
  const out: Response[] = [];
  for (const [status, entry] of Object.entries(asObject(raw))) {
    const where = `${at}/responses/${status}`;
    const { value } = options.resolver.deref(entry, where);
    const headers: ResponseHeader[] = Object.entries(asObject(value.headers)).map(([name, header]) => {
      const { value: resolved } = options.resolver.deref(header, `${where}/headers/${name}`);
      const out: ResponseHeader = { name, required: resolved.required === true };
      const description = asString(resolved.description);
      if (description !== undefined) out.description = description;
      const schema = isObject(resolved.schema)
        ? resolved.schema
        : asObject(Object.values(asObject(resolved.content)).map((media) => asObject(media).schema)[0]);
      if (Object.keys(schema).length > 0)
        out.schema = schemaNode(schema, options, `${where}/headers/${name}/schema`);
      return out;
    });
    const response: Response = {
      status,
      description: asString(value.description) ?? '',
      headers,
      content: mediaTypes(value.content, options, where),
      isError: /^[45]/.test(status) || status === 'default',
    };
    const statusText = STATUS_TEXT[status];
    if (statusText !== undefined) response.statusText = statusText;
    out.push(response);
  }
  // 2xx before 4xx before default, as readers expect.
  return out.sort((a, b) => statusRank(a.status) - statusRank(b.status));
}

function statusRank(status: string): number {
  if (status === 'default') return 1000;
  const n = Number.parseInt(status.replace(/X/gi, '0'), 10);
  return Number.isNaN(n) ? 999 : n;
}

function callbacks(raw: unknown, resolver: Resolver, at: string): OperationParts['callbacks'] {
  const out: OperationParts['callbacks'] = [];
  for (const [name, entry] of Object.entries(asObject(raw))) {
    const { value } = resolver.deref(entry, `${at}/callbacks/${name}`);
    for (const [expression, item] of Object.entries(value)) {
      const pathItem = resolver.deref(item, `${at}/callbacks/${name}`).value;
      for (const { method, operation } of pathItemOperations(pathItem)) {
        out.push({ name, expression, method, summary: asString(operation.summary) ?? name });
      }
    }
  }
  return out;
}
