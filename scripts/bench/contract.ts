/**
 * A synthetic OpenAPI 3.1 contract of a given number of operations, shaped
 * like real ones: resources as tags of 10 to 20 operations, `x-tagGroups` of
 * about six tags, schemas shared across tags, paging and tenant parameters,
 * shared error responses, Markdown descriptions. Deterministic: the same size
 * gives the same document.
 */

type Json = Record<string, unknown>;

const TAGS_PER_GROUP = 6;
const ACTIONS = [
  'start',
  'stop',
  'restart',
  'reset',
  'sync',
  'archive',
  'restore',
  'verify',
  'export',
  'import',
  'refresh',
  'lock',
  'unlock',
  'publish',
  'retry',
];

/** A small linear congruential generator: reproducible runs without a dependency. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function sharedSchemas(): Json {
  return {
    Address: {
      type: 'object',
      description: 'A postal address.',
      required: ['street', 'city', 'country'],
      properties: {
        street: { type: 'string', maxLength: 200 },
        city: { type: 'string', maxLength: 100 },
        postal_code: { type: ['string', 'null'], maxLength: 20 },
        country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' },
      },
    },
    Money: {
      type: 'object',
      required: ['amount', 'currency'],
      properties: {
        amount: { type: 'integer', minimum: 0, description: 'Amount in minor units.' },
        currency: { type: 'string', enum: ['EUR', 'USD', 'GBP'] },
      },
    },
    Metadata: {
      type: 'object',
      description: 'Free-form labels, up to 20 pairs.',
      additionalProperties: { type: 'string', maxLength: 500 },
      maxProperties: 20,
    },
    PageMeta: {
      type: 'object',
      required: ['total', 'page', 'limit'],
      properties: {
        total: { type: 'integer', minimum: 0 },
        page: { type: 'integer', minimum: 1 },
        limit: { type: 'integer', minimum: 1, maximum: 100 },
      },
    },
    Error: {
      type: 'object',
      required: ['detail', 'code'],
      properties: {
        detail: { type: 'string', description: 'What went wrong, for people.' },
        code: { type: 'string', description: 'What went wrong, for programs.' },
        request_id: { type: 'string', description: 'Quote it when you contact support.' },
      },
    },
  };
}

function tagSchemas(name: string, next: string | undefined, rng: () => number): Json {
  const extra: Json = {};
  const count = 4 + Math.floor(rng() * 6);
  for (let i = 0; i < count; i++) {
    extra[`attribute_${i}`] =
      i % 3 === 0
        ? { type: 'string', maxLength: 64, description: `Attribute ${i} of the ${name.toLowerCase()}.` }
        : i % 3 === 1
          ? { type: 'integer', minimum: 0, maximum: 10000, default: 10 }
          : { type: 'boolean', default: false };
  }
  const properties: Json = {
    id: { type: 'string', format: 'uuid', readOnly: true },
    name: {
      type: 'string',
      minLength: 1,
      maxLength: 120,
      description: `Display name of the ${name.toLowerCase()}.`,
    },
    status: { type: 'string', enum: ['active', 'paused', 'archived'], default: 'active' },
    address: { anyOf: [ref('Address'), { type: 'null' }] },
    price: ref('Money'),
    metadata: ref('Metadata'),
    created_at: { type: 'string', format: 'date-time', readOnly: true },
    ...extra,
  };
  if (next !== undefined) properties.related = { type: 'array', items: ref(next), maxItems: 10 };
  return {
    [name]: {
      type: 'object',
      description: `A ${name.toLowerCase()} resource.`,
      required: ['id', 'name'],
      properties,
    },
    [`${name}Create`]: {
      type: 'object',
      required: ['name'],
      properties: {
        name: properties.name,
        status: properties.status,
        address: properties.address,
        metadata: ref('Metadata'),
      },
    },
    [`${name}List`]: {
      type: 'object',
      required: ['data', 'meta'],
      properties: { data: { type: 'array', items: ref(name) }, meta: ref('PageMeta') },
    },
  };
}

const errorResponses = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '401': { $ref: '#/components/responses/Unauthorized' },
  '404': { $ref: '#/components/responses/NotFound' },
  '422': { $ref: '#/components/responses/Unprocessable' },
};

function operationsOf(tag: string, resource: string, count: number): [string, string, Json][] {
  const base = `/v1/${tag}`;
  const item = `${base}/{id}`;
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const tenant = { $ref: '#/components/parameters/Tenant' };
  const ok = (schema: string, status = '200') => ({
    [status]: { description: 'Success.', content: { 'application/json': { schema: ref(schema) } } },
    ...errorResponses,
  });
  const crud: [string, string, Json][] = [
    [
      'get',
      base,
      {
        summary: `List ${tag}`,
        description: `Lists ${tag} of the organization, **newest first**. Page with \`page\` and \`limit\`.`,
        parameters: [
          tenant,
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
          { name: 'status', in: 'query', schema: { type: 'string', enum: ['active', 'paused', 'archived'] } },
        ],
        responses: ok(`${resource}List`),
      },
    ],
    [
      'post',
      base,
      {
        summary: `Create a ${resource.toLowerCase()}`,
        description: `Creates a ${resource.toLowerCase()}.\n\n- Names need not be unique.\n- The answer carries the new \`id\`.`,
        parameters: [tenant],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref(`${resource}Create`) } },
        },
        responses: ok(resource, '201'),
      },
    ],
    [
      'get',
      item,
      { summary: `Get a ${resource.toLowerCase()}`, parameters: [tenant, idParam], responses: ok(resource) },
    ],
    [
      'patch',
      item,
      {
        summary: `Update a ${resource.toLowerCase()}`,
        parameters: [tenant, idParam],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref(`${resource}Create`) } },
        },
        responses: ok(resource),
      },
    ],
    [
      'delete',
      item,
      {
        summary: `Delete a ${resource.toLowerCase()}`,
        parameters: [tenant, idParam],
        responses: { '204': { description: 'Deleted.' }, ...errorResponses },
      },
    ],
  ];
  const out = crud.slice(0, count);
  for (let i = 0; out.length < count; i++) {
    const action = `${ACTIONS[i % ACTIONS.length]}${i >= ACTIONS.length ? `-${Math.floor(i / ACTIONS.length)}` : ''}`;
    out.push([
      'post',
      `${item}/actions/${action}`,
      {
        summary: `${action.charAt(0).toUpperCase()}${action.slice(1)} a ${resource.toLowerCase()}`,
        description: `Runs the \`${action}\` action. The work continues in the background: poll the ${resource.toLowerCase()} until its \`status\` changes.`,
        parameters: [
          tenant,
          idParam,
          { name: 'dry_run', in: 'query', schema: { type: 'boolean', default: false } },
        ],
        responses: {
          '202': { description: 'Accepted.', content: { 'application/json': { schema: ref(resource) } } },
          ...errorResponses,
        },
      },
    ]);
  }
  return out;
}

export function syntheticContract(operations: number, seed = 7): Json {
  const rng = random(seed);
  const paths: Record<string, Json> = {};
  const schemas: Json = sharedSchemas();
  const tags: Json[] = [];
  const groups: { name: string; tags: string[] }[] = [];
  let made = 0;
  for (let t = 0; made < operations; t++) {
    const count = Math.min(operations - made, 10 + Math.floor(rng() * 11));
    const tag = `resources-${t + 1}`;
    const resource = `Resource${t + 1}`;
    const related = t > 0 && rng() < 0.5 ? `Resource${t}` : undefined;
    Object.assign(schemas, tagSchemas(resource, related, rng));
    tags.push({ name: tag, description: `Operations on ${resource} objects.` });
    if (t % TAGS_PER_GROUP === 0) groups.push({ name: `Area ${groups.length + 1}`, tags: [] });
    groups[groups.length - 1]?.tags.push(tag);
    for (const [method, path, operation] of operationsOf(tag, resource, count)) {
      const slot = paths[path] ?? {};
      slot[method] = {
        tags: [tag],
        operationId: `${tag}_${method}_${path.split('/').pop()?.replace(/[{}]/g, '')}`,
        ...operation,
      };
      paths[path] = slot;
      made += 1;
    }
  }
  const errorBody = (description: string) => ({
    description,
    content: { 'application/json': { schema: ref('Error') } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Synthetic API',
      version: `${operations}.0.0`,
      description: `A generated contract of ${operations} operations for the build benchmark.\n\n## Authentication\n\nSend \`Authorization: Bearer <token>\`.`,
    },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ bearer: [] }],
    tags,
    'x-tagGroups': groups,
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      parameters: {
        Tenant: {
          name: 'X-Tenant-Id',
          in: 'header',
          required: false,
          description: 'Tenant to act on (admin tokens only).',
          schema: { type: 'string', format: 'uuid' },
        },
      },
      responses: {
        BadRequest: errorBody('The request cannot be applied.'),
        Unauthorized: errorBody('The token is missing or invalid.'),
        NotFound: errorBody('No such resource.'),
        Unprocessable: errorBody('The request does not match the schema.'),
      },
      schemas,
    },
  };
}
