import { type ChangeContext, type ChangeKind, isBreaking, KINDS } from './classify.ts';
import { CONSTRAINTS, type Field, type Operation, operationsOf, webhooksOf } from './shape.ts';

/** One entry of the change report; the shape of `--json`'s `changes[]`. */
export interface Change {
  kind: ChangeKind;
  breaking: boolean;
  /** `METHOD /path`, or null for document-wide changes. */
  operation: string | null;
  /** JSON pointer (RFC 6901) into the new contract, or into the old one for removals. */
  pointer: string;
  message: string;
  /**
   * What a guide would write for the thing that went away, to find the lines to rewrite: a
   * removed operation's path (or `METHOD /path` while the path keeps other methods) and
   * operationId, a removed webhook's name, the old name of a removed or renamed parameter or
   * field (its last segment: `city` of `address.city`), a removed enum value. Absent otherwise,
   * and for servers: every example names the base URL, so a moved server is one fix, not a list.
   */
  names?: string[];
}

type Json = Record<string, unknown>;

function change(
  kind: ChangeKind,
  operation: string | null,
  pointer: string,
  message: string,
  context?: ChangeContext,
  names?: string[],
): Change {
  const item: Change = { kind, breaking: isBreaking(kind, context), operation, pointer, message };
  if (names !== undefined && names.length > 0) item.names = names;
  return item;
}

/** `data[].status` → `status`, `address.city` → `city`. */
const leaf = (path: string): string =>
  path
    .split(/\.|\[\]\.?/)
    .filter(Boolean)
    .at(-1) ?? path;

const code = (text: string) => `\`${text}\``;

/**
 * A path is reported once: `address` removed hides `address.city` and `address[].city` removed.
 * Looks up each path's own prefixes (linear in the paths, not quadratic: a change to a schema
 * Stripe embeds everywhere removes thousands of paths per operation).
 */
function topmost(paths: string[]): string[] {
  const all = new Set(paths);
  return paths.filter((path) => {
    for (const match of path.matchAll(/\.|\[\]/g)) {
      if (match.index > 0 && all.has(path.slice(0, match.index))) return false;
    }
    return true;
  });
}

/** `integer|null` → `integer`, `null`; `any` (no type) → none, meaning any value. */
const typeSet = (type: string): string[] => (type === 'any' ? [] : type.split('|'));

/** The type with its format, as the report prints it: `string (date-time)`. */
const typeLabel = (field: Field): string =>
  field.format === null ? field.type : `${field.type} (${field.format})`;

/**
 * Rule for a request value whose type or format changed: loosened (not breaking) when every
 * value of the old type is one of the new (a type added to the list, `integer` to `number`, no
 * type at all) and the format is the same or dropped; anything else may reject what clients send.
 */
function typeLoosened(before: Field, after: Field): boolean {
  const [old, next] = [typeSet(before.type), typeSet(after.type)];
  const formatKept = after.format === null || after.format === before.format;
  if (next.length === 0) return formatKept;
  if (old.length === 0) return false;
  return (
    formatKept && old.every((type) => next.includes(type) || (type === 'integer' && next.includes('number')))
  );
}

function diffRequestType(before: Field, after: Field, label: string, operation: string): Change[] {
  const [from, to] = [typeLabel(before), typeLabel(after)];
  if (from === to) return [];
  return [
    change(
      'request-type-changed',
      operation,
      after.pointer,
      `${label} changed type from ${code(from)} to ${code(to)}`,
      { loosened: typeLoosened(before, after) },
    ),
  ];
}

type Bound = number | string | boolean;

/**
 * Rule for one constraint keyword of a value clients send (the direction of each keyword is
 * `CONSTRAINTS` in shape.ts): removing a constraint loosens; setting one tightens (a flag only
 * when set to true); a lower bound raised, an upper bound lowered, a flag turned on, a pattern
 * changed (no proof the new one accepts every old value) or a `multipleOf` that does not divide
 * the old step tightens; the opposite loosens. OpenAPI 3.0's boolean `exclusiveMinimum` and
 * `exclusiveMaximum` are flags.
 */
function tightens(keyword: keyof typeof CONSTRAINTS, old: Bound | undefined, next: Bound | undefined) {
  if (next === undefined) return false;
  const rule = typeof next === 'boolean' || typeof old === 'boolean' ? 'flag' : CONSTRAINTS[keyword];
  if (rule === 'flag') return next === true && old !== true;
  if (old === undefined) return true;
  if (typeof old !== 'number' || typeof next !== 'number') return true;
  switch (rule) {
    case 'lower':
      return next > old;
    case 'upper':
      return next < old;
    case 'step':
      return old % next !== 0;
    case 'pattern':
      return true;
  }
}

const bound = (value: Bound): string => code(String(value));

function diffConstraints(before: Field, after: Field, label: string, operation: string): Change[] {
  const changes: Change[] = [];
  for (const keyword of Object.keys(CONSTRAINTS) as (keyof typeof CONSTRAINTS)[]) {
    const [old, next] = [before.constraints[keyword], after.constraints[keyword]];
    if (old === next) continue;
    const what =
      old === undefined
        ? `${keyword} ${bound(next as Bound)} set`
        : next === undefined
          ? `${keyword} ${bound(old)} removed`
          : `${keyword} ${bound(old)} → ${bound(next)}`;
    const tighter = tightens(keyword, old, next);
    changes.push(
      change(
        tighter ? 'request-constraint-tightened' : 'request-constraint-loosened',
        operation,
        after.pointer,
        `${label}: ${what}`,
      ),
    );
  }
  // An enum where any value went tightens; an enum dropped loosens (values changed: diffEnum).
  if (before.enum === null && after.enum !== null) {
    const values = after.enum.map(code).join(', ');
    changes.push(
      change('request-constraint-tightened', operation, after.pointer, `${label}: now limited to ${values}`),
    );
  }
  if (before.enum !== null && after.enum === null) {
    changes.push(
      change(
        'request-constraint-loosened',
        operation,
        after.pointer,
        `${label}: no longer limited to enum values`,
      ),
    );
  }
  return changes;
}

/** Everything a client sends that changed in one value: type, format, constraints, enum values. */
function diffSentValue(before: Field, after: Field, label: string, operation: string): Change[] {
  return [
    ...diffRequestType(before, after, label, operation),
    ...diffConstraints(before, after, label, operation),
    ...diffEnum(before, after, label, operation, 'request'),
  ];
}

function diffEnum(
  before: Field,
  after: Field,
  label: string,
  operation: string,
  direction: 'request' | 'response',
): Change[] {
  if (before.enum === null || after.enum === null) return [];
  const removed = before.enum.filter((value) => !after.enum?.includes(value));
  const added = after.enum.filter((value) => !before.enum?.includes(value));
  return [
    ...removed.map((value) =>
      change(
        'enum-value-removed',
        operation,
        after.pointer,
        `${label}: enum value ${code(value)} removed`,
        { direction },
        [value],
      ),
    ),
    ...added.map((value) =>
      change('enum-value-added', operation, after.pointer, `${label}: enum value ${code(value)} added`, {
        direction,
      }),
    ),
  ];
}

function diffParameters(before: Operation, after: Operation): Change[] {
  const op = after.label;
  const changes: Change[] = [];
  const removed = [...before.parameters.keys()].filter((key) => !after.parameters.has(key));
  const added = [...after.parameters.keys()].filter((key) => !before.parameters.has(key));
  // One parameter out and one in, in the same place: a rename (`{id}` → `{charger_id}`, `q` → `query`).
  for (const location of new Set([...removed, ...added].map((key) => key.split(':')[0]))) {
    const out = removed.filter((key) => key.startsWith(`${location}:`));
    const into = added.filter((key) => key.startsWith(`${location}:`));
    const oldParameter = out.length === 1 && out[0] !== undefined ? before.parameters.get(out[0]) : undefined;
    const newParameter =
      into.length === 1 && into[0] !== undefined ? after.parameters.get(into[0]) : undefined;
    if (oldParameter === undefined || newParameter === undefined) continue;
    changes.push(
      change(
        'parameter-renamed',
        op,
        newParameter.pointer,
        `${location} parameter ${code(oldParameter.name)} renamed to ${code(newParameter.name)}`,
        undefined,
        [oldParameter.name],
      ),
    );
    removed.splice(removed.indexOf(`${location}:${oldParameter.name}`), 1);
    added.splice(added.indexOf(`${location}:${newParameter.name}`), 1);
  }
  for (const key of removed) {
    const parameter = before.parameters.get(key);
    if (parameter === undefined) continue;
    changes.push(
      change(
        'parameter-removed',
        op,
        parameter.pointer,
        `${parameter.in} parameter ${code(parameter.name)} removed`,
        undefined,
        [parameter.name],
      ),
    );
  }
  for (const key of added) {
    const parameter = after.parameters.get(key);
    if (parameter === undefined) continue;
    const kind = parameter.required ? 'required' : 'optional';
    changes.push(
      change(
        'parameter-added',
        op,
        parameter.pointer,
        `${kind} ${parameter.in} parameter ${code(parameter.name)} added`,
        { required: parameter.required },
      ),
    );
  }
  for (const [key, newParameter] of after.parameters) {
    const oldParameter = before.parameters.get(key);
    if (oldParameter === undefined) continue;
    const label = `${newParameter.in} parameter ${code(newParameter.name)}`;
    if (!oldParameter.required && newParameter.required) {
      changes.push(change('parameter-required', op, newParameter.pointer, `${label} is now required`));
    }
    if (!oldParameter.deprecated && newParameter.deprecated) {
      changes.push(change('parameter-deprecated', op, newParameter.pointer, `${label} deprecated`));
    }
    changes.push(...diffSentValue(oldParameter, newParameter, label, op));
  }
  return changes;
}

function diffRequest(before: Operation, after: Operation): Change[] {
  const op = after.label;
  const changes: Change[] = [];
  for (const path of topmost([...before.request.keys()].filter((key) => !after.request.has(key)))) {
    const field = before.request.get(path);
    if (field === undefined) continue;
    changes.push(
      change(
        'request-property-removed',
        op,
        field.pointer,
        `request body property ${code(path)} removed`,
        undefined,
        [leaf(path)],
      ),
    );
  }
  for (const path of topmost([...after.request.keys()].filter((key) => !before.request.has(key)))) {
    const field = after.request.get(path);
    if (field === undefined) continue;
    const kind = field.required ? 'required' : 'optional';
    changes.push(
      change(
        'request-property-added',
        op,
        field.pointer,
        `${kind} request body property ${code(path)} added`,
        {
          required: field.required,
        },
      ),
    );
  }
  for (const [path, field] of after.request) {
    const old = before.request.get(path);
    if (old === undefined) continue;
    const label = `request body property ${code(path)}`;
    if (!old.required && field.required) {
      changes.push(change('request-property-required', op, field.pointer, `${label} is now required`));
    }
    if (!old.deprecated && field.deprecated) {
      changes.push(change('property-deprecated', op, field.pointer, `${label} deprecated`));
    }
    changes.push(...diffSentValue(old, field, label, op));
  }
  return changes;
}

/** `200 data[].id` → `response 200 property data[].id` */
function responseLabel(key: string): string {
  const [status, ...path] = key.split(' ');
  return `response ${status} property ${code(path.join(' '))}`;
}

/**
 * What clients read: a field removed or retyped (type or format) breaks them, a field added does
 * not (clients ignore what they do not know). Webhook payloads are read by receivers and follow
 * the same rules under their own kinds.
 */
function diffReadFields(
  before: Map<string, Field>,
  after: Map<string, Field>,
  operation: string,
  label: (key: string) => string,
  kinds: {
    removed: 'response-property-removed' | 'webhook-payload-property-removed';
    added: 'response-property-added' | 'webhook-payload-property-added';
    retyped: 'response-property-type-changed' | 'webhook-payload-property-type-changed';
  },
): Change[] {
  const changes: Change[] = [];
  const removed = [...before.keys()].filter((key) => !after.has(key));
  for (const key of topmost(removed)) {
    const field = before.get(key);
    if (field === undefined) continue;
    changes.push(
      change(kinds.removed, operation, field.pointer, `${label(key)} removed`, undefined, [
        leaf(key.split(' ').at(-1) ?? key),
      ]),
    );
  }
  const added = [...after.keys()].filter((key) => !before.has(key));
  for (const key of topmost(added)) {
    const field = after.get(key);
    if (field === undefined) continue;
    changes.push(change(kinds.added, operation, field.pointer, `${label(key)} added`));
  }
  for (const [key, field] of after) {
    const old = before.get(key);
    if (old === undefined) continue;
    const name = label(key);
    const [from, to] = [typeLabel(old), typeLabel(field)];
    if (from !== to) {
      changes.push(
        change(
          kinds.retyped,
          operation,
          field.pointer,
          `${name} changed type from ${code(from)} to ${code(to)}`,
        ),
      );
    }
    if (!old.deprecated && field.deprecated) {
      changes.push(change('property-deprecated', operation, field.pointer, `${name} deprecated`));
    }
    changes.push(...diffEnum(old, field, name, operation, 'response'));
  }
  return changes;
}

function diffResponse(before: Operation, after: Operation): Change[] {
  return diffReadFields(before.response, after.response, after.label, responseLabel, {
    removed: 'response-property-removed',
    added: 'response-property-added',
    retyped: 'response-property-type-changed',
  });
}

/** Deprecation both ways: deprecated (plan to migrate) and un-deprecated (no need any more). */
function diffDeprecation(before: Operation, after: Operation, noun: string): Change[] {
  if (!before.deprecated && after.deprecated)
    return [change('operation-deprecated', after.label, after.pointer, `${noun} deprecated`)];
  if (before.deprecated && !after.deprecated)
    return [change('operation-undeprecated', after.label, after.pointer, `${noun} no longer deprecated`)];
  return [];
}

/** Webhooks added, removed, deprecated, and their payloads as the receiver reads them. */
function diffWebhooks(before: Json, after: Json): Change[] {
  const changes: Change[] = [];
  const [old, next] = [webhooksOf(before), webhooksOf(after)];
  for (const [key, webhook] of old) {
    if (!next.has(key)) {
      const name = key.split(' ')[0] ?? key;
      changes.push(
        change('webhook-removed', webhook.label, webhook.pointer, 'webhook removed', undefined, [name]),
      );
    }
  }
  for (const [key, webhook] of next) {
    const previous = old.get(key);
    if (previous === undefined) {
      changes.push(change('webhook-added', webhook.label, webhook.pointer, 'webhook added'));
      continue;
    }
    changes.push(
      ...diffDeprecation(previous, webhook, 'webhook'),
      ...diffReadFields(
        previous.request,
        webhook.request,
        webhook.label,
        (path) => `payload property ${code(path)}`,
        {
          removed: 'webhook-payload-property-removed',
          added: 'webhook-payload-property-added',
          retyped: 'webhook-payload-property-type-changed',
        },
      ),
    );
  }
  return changes;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One way to authenticate: every scheme it names, with the scopes it asks of each. */
type Alternative = Map<string, Set<string>>;

/** A `security` list as alternatives; none declared (or `[]`) is the one empty alternative: no credentials. */
function alternativesOf(list: unknown): Alternative[] {
  const alternatives = (Array.isArray(list) ? list : [])
    .filter(isObject)
    .map(
      (requirement) =>
        new Map(
          Object.entries(requirement).map(([scheme, scopes]) => [
            scheme,
            new Set(Array.isArray(scopes) ? scopes.map(String) : []),
          ]),
        ),
    );
  return alternatives.length === 0 ? [new Map()] : alternatives;
}

/** `HTTPBearer`, `oauth[read, write] + apiKey`, `none` for no credentials, alternatives joined by `or`. */
function describeAlternatives(alternatives: Alternative[]): string {
  return alternatives
    .map((alternative) =>
      alternative.size === 0
        ? 'none'
        : [...alternative]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([scheme, scopes]) =>
              scopes.size === 0 ? scheme : `${scheme}[${[...scopes].sort().join(', ')}]`,
            )
            .join(' + '),
    )
    .sort()
    .join(' or ');
}

/**
 * Rule for a changed security requirement: loosened (not breaking) when every way of
 * authenticating that worked before still works, that is each old alternative still meets one
 * new alternative that asks for no scheme and no scope it did not have (an alternative added, a
 * scope dropped, no credentials at all); anything else breaks callers.
 */
function securityLoosened(before: Alternative[], after: Alternative[]): boolean {
  return before.every((old) =>
    after.some((next) =>
      [...next].every(([scheme, scopes]) => {
        const had = old.get(scheme);
        return had !== undefined && [...scopes].every((scope) => had.has(scope));
      }),
    ),
  );
}

function diffRequirement(
  before: unknown,
  after: unknown,
  operation: string | null,
  pointer: string,
  subject: string,
): Change[] {
  const [old, next] = [alternativesOf(before), alternativesOf(after)];
  const [from, to] = [describeAlternatives(old), describeAlternatives(next)];
  if (from === to) return [];
  return [
    change(
      'security-requirement-changed',
      operation,
      pointer,
      `${subject} changed from ${code(from)} to ${code(to)}`,
      { loosened: securityLoosened(old, next) },
    ),
  ];
}

/** How a scheme has clients send credentials; descriptions and `bearerFormat` say nothing of it. */
function describeScheme(scheme: Json): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (scheme.type) {
    case 'http':
      return `http ${text(scheme.scheme).toLowerCase()}`;
    case 'apiKey':
      return `apiKey in ${text(scheme.in)} ${text(scheme.name)}`;
    case 'openIdConnect':
      return `openIdConnect ${text(scheme.openIdConnectUrl)}`;
    case 'oauth2': {
      const flows = isObject(scheme.flows) ? scheme.flows : {};
      const urls = Object.entries(flows)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([flow, value]) => {
          const of = isObject(value) ? value : {};
          const where = [of.authorizationUrl, of.tokenUrl, of.refreshUrl].filter(
            (url) => typeof url === 'string',
          );
          return `${flow}(${where.join(', ')})`;
        });
      return `oauth2 ${urls.join(' ')}`;
    }
    default:
      return text(scheme.type);
  }
}

/** Security schemes added, removed or changed; the document's requirement and each operation's own. */
function diffSecurity(
  before: Json,
  after: Json,
  oldOperations: Map<string, Operation>,
  newOperations: Map<string, Operation>,
): Change[] {
  const changes: Change[] = [];
  const schemesOf = (doc: Json): Json => {
    const components = isObject(doc.components) ? doc.components : {};
    return isObject(components.securitySchemes) ? components.securitySchemes : {};
  };
  const [old, next] = [schemesOf(before), schemesOf(after)];
  const at = (name: string) =>
    `/components/securitySchemes/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  for (const name of Object.keys(old)) {
    if (!(name in next))
      changes.push(
        change('security-scheme-removed', null, at(name), `security scheme ${code(name)} removed`),
      );
  }
  for (const [name, scheme] of Object.entries(next)) {
    const previous = old[name];
    if (previous === undefined) {
      changes.push(change('security-scheme-added', null, at(name), `security scheme ${code(name)} added`));
      continue;
    }
    if (!isObject(previous) || !isObject(scheme)) continue;
    const [from, to] = [describeScheme(previous), describeScheme(scheme)];
    if (from !== to) {
      changes.push(
        change(
          'security-scheme-changed',
          null,
          at(name),
          `security scheme ${code(name)} changed from ${code(from)} to ${code(to)}`,
        ),
      );
    }
  }
  changes.push(
    ...diffRequirement(before.security, after.security, null, '/security', 'security requirement'),
  );
  // An operation is reported on its own only where it sets its own requirement (in either
  // contract); the others follow the document's, reported once above.
  for (const [key, operation] of newOperations) {
    const previous = oldOperations.get(key);
    if (previous === undefined || (previous.security === null && operation.security === null)) continue;
    changes.push(
      ...diffRequirement(
        previous.security ?? before.security,
        operation.security ?? after.security,
        operation.label,
        `${operation.pointer}/security`,
        'security requirement',
      ),
    );
  }
  return changes;
}

/** Base URLs: one replaced by another is a move; otherwise each removed or added on its own. */
function diffServers(before: Json, after: Json): Change[] {
  const urls = (doc: Json) =>
    (Array.isArray(doc.servers) ? doc.servers : []).map((server) =>
      isObject(server) ? String(server.url) : '',
    );
  const [old, next] = [urls(before), urls(after)];
  const removed = old.filter((url) => !next.includes(url));
  const added = next.filter((url) => !old.includes(url));
  const [out, into] = [removed[0], added[0]];
  if (removed.length === 1 && added.length === 1 && out !== undefined && into !== undefined) {
    return [
      change(
        'server-changed',
        null,
        `/servers/${next.indexOf(into)}`,
        `server ${code(out)} replaced by ${code(into)}`,
      ),
    ];
  }
  return [
    ...removed.map((url) =>
      change('server-removed', null, `/servers/${old.indexOf(url)}`, `server ${code(url)} removed`),
    ),
    ...added.map((url) =>
      change('server-added', null, `/servers/${next.indexOf(url)}`, `server ${code(url)} added`),
    ),
  ];
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function versionOf(doc: Json): string | null {
  const info = doc.info;
  return typeof info === 'object' && info !== null ? stringOrNull((info as Json).version) : null;
}

/** Most important first: breaking before not, then in the order of the rules table. */
function sortChanges(changes: Change[]): Change[] {
  const rank = (item: Change) => KINDS.indexOf(item.kind);
  return changes.toSorted(
    (a, b) =>
      Number(b.breaking) - Number(a.breaking) ||
      rank(a) - rank(b) ||
      (a.operation ?? '').localeCompare(b.operation ?? '') ||
      a.pointer.localeCompare(b.pointer) ||
      a.message.localeCompare(b.message),
  );
}

/** What changed for API clients between two bundled contracts. Pure. */
export function diffContracts(before: Json, after: Json): Change[] {
  const changes: Change[] = [];
  const oldOperations = operationsOf(before);
  const newOperations = operationsOf(after);
  const survivingPaths = new Set(
    [...newOperations.values()].map((operation) => operation.label.split(' ')[1]),
  );
  for (const [key, operation] of oldOperations) {
    if (!newOperations.has(key)) {
      // Guides name the path; while other methods keep it, only `METHOD /path` points here.
      const path = operation.label.split(' ')[1] ?? operation.label;
      const names = [survivingPaths.has(path) ? operation.label : path];
      if (operation.operationId !== null) names.push(operation.operationId);
      changes.push(
        change(
          'operation-removed',
          operation.label,
          operation.pointer,
          'operation removed',
          undefined,
          names,
        ),
      );
    }
  }
  for (const [key, operation] of newOperations) {
    const old = oldOperations.get(key);
    if (old === undefined) {
      changes.push(change('operation-added', operation.label, operation.pointer, 'operation added'));
      continue;
    }
    changes.push(
      ...diffDeprecation(old, operation, 'operation'),
      ...diffParameters(old, operation),
      ...diffRequest(old, operation),
      ...diffResponse(old, operation),
    );
  }
  changes.push(
    ...diffWebhooks(before, after),
    ...diffSecurity(before, after, oldOperations, newOperations),
    ...diffServers(before, after),
  );
  const [from, to] = [versionOf(before), versionOf(after)];
  if (from !== to) {
    changes.push(
      change('version-changed', null, '/info/version', `version ${from ?? '(none)'} → ${to ?? '(none)'}`),
    );
  }
  return sortChanges(changes);
}
