/**
 * The typed model of an OpenAPI contract: the one source every output is made
 * from (HTML pages, Markdown twins, llms.txt files, snippet tests).
 *
 * Everything here is plain data, already resolved ($refs followed, `allOf`
 * merged, nullability folded in), so renderers never look at the raw document.
 */

/** The methods a Path Item names with fixed fields; `query` since OpenAPI 3.2. */
export type FixedHttpMethod =
  | 'get'
  | 'put'
  | 'post'
  | 'delete'
  | 'options'
  | 'head'
  | 'patch'
  | 'trace'
  | 'query';

/**
 * An operation's method, lower case: a fixed one, or one of OpenAPI 3.2's
 * `additionalOperations` (`link`, `purge`, …).
 */
export type HttpMethod = FixedHttpMethod | (string & {});

export const HTTP_METHODS: readonly FixedHttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
  'query',
];

/**
 * Request schemas leave `readOnly` fields out; response schemas leave `writeOnly` fields out;
 * `both` keeps everything (a schema's own page).
 */
export type SchemaContext = 'request' | 'response' | 'both';

/** A JSON Schema validation keyword kept for display, e.g. `{ keyword: 'maxLength', value: 64 }`. */
export interface Constraint {
  keyword:
    | 'minimum'
    | 'maximum'
    | 'exclusiveMinimum'
    | 'exclusiveMaximum'
    | 'multipleOf'
    | 'minLength'
    | 'maxLength'
    | 'pattern'
    | 'minItems'
    | 'maxItems'
    | 'uniqueItems'
    | 'minProperties'
    | 'maxProperties';
  value: number | string | boolean;
}

/** A schema made ready for display: one node of a field tree. */
export interface SchemaNode {
  /**
   * Structural type without nullability: `string`, `integer`, `object`, `array`, `map`,
   * `string | integer` (a JSON Schema type list), `any`, or `oneOf`/`anyOf` for variants.
   * `typeLabel()` in `format.ts` turns a node into what readers see (`array<Charger> | null`).
   */
  type: string;
  /** The component schema this node stands for, when it came from a `$ref`. */
  ref?: string;
  nullable: boolean;
  title?: string;
  description?: string;
  deprecated: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  format?: string;
  /** Present when the schema declares a default (the wrapper tells `null` from "none"). */
  default?: { value: unknown };
  const?: { value: unknown };
  enum?: unknown[];
  constraints: Constraint[];
  /** Examples the schema itself declares (`example` and `examples`). */
  examples: unknown[];
  /** Object members, in declaration order. */
  properties?: Field[];
  /** Element schema of an array (of the elements after `prefixItems`, when there are some). */
  items?: SchemaNode;
  /** Positional element schemas of a tuple (2020-12 `prefixItems`). */
  prefixItems?: SchemaNode[];
  /** Value schema of a map (`additionalProperties`); `true` for "any value". */
  additionalProperties?: SchemaNode | true;
  /** `oneOf` / `anyOf` alternatives that are not just a nullable wrapper. */
  variants?: Variants;
  /**
   * A discriminator declared on a schema without `oneOf`/`anyOf` (the base of an `allOf`
   * hierarchy, e.g. `Pet` with `petType` → `Cat`, `Dog`): which subtype each value selects.
   * With variants the discriminator is in `variants.discriminator`.
   */
  discriminator?: Discriminator;
  /**
   * The node names a schema that is already being expanded above it
   * (a recursive model): renderers link to it instead of expanding it again.
   */
  recursive?: boolean;
  /** Expansion stopped at the depth limit: renderers link to `ref` instead. */
  truncated?: boolean;
}

export interface Field {
  name: string;
  required: boolean;
  schema: SchemaNode;
}

export interface Variants {
  kind: 'oneOf' | 'anyOf';
  options: Variant[];
  discriminator?: Discriminator;
}

export interface Variant {
  /** The component name, the variant's title, or `Option N`. */
  name: string;
  schema: SchemaNode;
}

export interface Discriminator {
  propertyName: string;
  /** Value of the discriminating property → component schema name. */
  mapping: { value: string; schema: string }[];
}

export interface Example {
  /** Key in an `examples` map; absent for a single `example`. */
  name?: string;
  summary?: string;
  description?: string;
  value: unknown;
  /** Made from the schema because the contract gives none (always valid against it). */
  generated: boolean;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  description?: string;
  schema: SchemaNode;
  /** The example a code sample uses: from the parameter, its schema, or generated. */
  example: Example;
}

export interface MediaType {
  mediaType: string;
  schema?: SchemaNode;
  /** At least one example whenever there is a schema. */
  examples: Example[];
}

export interface RequestBody {
  required: boolean;
  description?: string;
  content: MediaType[];
}

export interface ResponseHeader {
  name: string;
  required: boolean;
  description?: string;
  schema?: SchemaNode;
}

export interface Response {
  /** `200`, `4XX`, `default`. */
  status: string;
  description: string;
  headers: ResponseHeader[];
  content: MediaType[];
  /** A readable name of the status (`Not Found`), when it is a standard one. */
  statusText?: string;
  isError: boolean;
}

/** How a caller authenticates: a named scheme with its type, or nothing. */
export interface SecurityScheme {
  key: string;
  type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  /** `bearer`, `basic` for http schemes. */
  scheme?: string;
  bearerFormat?: string;
  /** For apiKey: the header, query or cookie name. */
  name?: string;
  in?: 'header' | 'query' | 'cookie';
  description?: string;
}

/** One alternative of a security requirement: all its schemes together. */
export interface SecurityRequirement {
  schemes: { scheme: SecurityScheme; scopes: string[] }[];
}

export interface CodeSample {
  /** The fence language: `bash`, `python`, `ts`. */
  lang: 'bash' | 'python' | 'ts';
  /** The tab label: `curl`, `Python`, `TypeScript`. */
  label: string;
  code: string;
}

/** What every sidebar entry and page needs, without resolving schemas. */
export interface OperationSummary {
  /** `get /ocpp/chargers`: unique in a contract. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId?: string;
  summary: string;
  deprecated: boolean;
  group: NavGroupRef;
  tag: NavTagRef;
  /** Page path below the site root without slashes, e.g. `api-reference/core-resources/chargers/create`. */
  slug: string;
}

export interface NavGroupRef {
  name: string;
  slug: string;
}

export interface NavTagRef {
  name: string;
  slug: string;
  /** The tag's own page (its operations listed), e.g. `api-reference/core-resources/chargers`. */
  pageSlug: string;
}

/** What one operation (or webhook) declares, resolved: the common part of both pages. */
export interface OperationParts {
  description?: string;
  /** `[]` means the operation needs no authentication. */
  security: SecurityRequirement[];
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: Response[];
  /** Callbacks declared by the operation, by name, as operations of their own. */
  callbacks: { name: string; expression: string; method: HttpMethod; summary: string }[];
}

/** Everything a page of one operation shows, resolved on demand. */
export interface OperationDetail extends OperationSummary, OperationParts {
  samples: CodeSample[];
  /**
   * The samples an HTML page shows when its request example is too long for the page: they send
   * the example as the page shows it, shortened (src/model/short-example.ts). Absent otherwise.
   */
  shownSamples?: CodeSample[];
}

export interface Webhook {
  /** The key in the `webhooks` map, e.g. `charger.provisioning.updated`. */
  name: string;
  method: HttpMethod;
  summary: string;
  description?: string;
  slug: string;
  deprecated: boolean;
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: Response[];
}

export interface NamedSchema {
  name: string;
  slug: string;
  description?: string;
  /** Keys (`get /path`) of the operations whose parameters, bodies or responses use the schema. */
  usedBy: string[];
}

export interface NavTag extends NavTagRef {
  description?: string;
  /** Slug of the tag's overview page. */
  pageSlug: string;
  operations: OperationSummary[];
}

export interface NavGroup extends NavGroupRef {
  /** Slug of the group's overview page. */
  pageSlug: string;
  tags: NavTag[];
}

export interface ServerInfo {
  url: string;
  description?: string;
}

export interface ApiModel {
  title: string;
  version: string;
  description?: string;
  servers: ServerInfo[];
  /**
   * `servers[0].url` with its variables at their defaults and without a trailing slash;
   * `''` when the contract names no server (samples then call relative paths).
   */
  baseUrl: string;
  securitySchemes: SecurityScheme[];
  /** The contract-wide default requirement (operations may override it). */
  security: SecurityRequirement[];
  /** Sidebar order: `x-tagGroups` → tags → operations. */
  groups: NavGroup[];
  /** Every operation, in sidebar order. */
  operations: OperationSummary[];
  webhooks: Webhook[];
  schemas: NamedSchema[];
  /** Resolves an operation's parameters, bodies, responses and samples (memoised). */
  detail(operation: OperationSummary): OperationDetail;
  /** Expands a component schema for its own page; request-only and response-only fields are both kept. */
  schemaNode(schema: NamedSchema): SchemaNode;
}
