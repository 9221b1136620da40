import { type ChangeContext, type ChangeKind, isBreaking, KINDS } from './classify.ts';
import { type Field, type Operation, operationsOf } from './shape.ts';

/** One entry of the change report; the shape of `--json`'s `changes[]`. */
export interface Change {
  kind: ChangeKind;
  breaking: boolean;
  /** `METHOD /path`, or null for document-wide changes. */
  operation: string | null;
  /** JSON pointer (RFC 6901) into the new contract, or into the old one for removals. */
  pointer: string;
  message: string;
}

type Json = Record<string, unknown>;

function change(
  kind: ChangeKind,
  operation: string | null,
  pointer: string,
  message: string,
  context?: ChangeContext,
): Change {
  return { kind, breaking: isBreaking(kind, context), operation, pointer, message };
}

const code = (text: string) => `\`${text}\``;

/** A path is reported once: `address` removed hides `address.city` and `address[].city` removed. */
function topmost(paths: string[]): string[] {
  return paths.filter(
    (path) => !paths.some((other) => path.startsWith(`${other}.`) || path.startsWith(`${other}[]`)),
  );
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
      change('enum-value-removed', operation, after.pointer, `${label}: enum value ${code(value)} removed`, {
        direction,
      }),
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
    changes.push(...diffEnum(oldParameter, newParameter, label, op, 'request'));
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
      change('request-property-removed', op, field.pointer, `request body property ${code(path)} removed`),
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
    changes.push(...diffEnum(old, field, label, op, 'request'));
  }
  return changes;
}

/** `200 data[].id` → `response 200 property data[].id` */
function responseLabel(key: string): string {
  const [status, ...path] = key.split(' ');
  return `response ${status} property ${code(path.join(' '))}`;
}

function diffResponse(before: Operation, after: Operation): Change[] {
  const op = after.label;
  const changes: Change[] = [];
  const removed = [...before.response.keys()].filter((key) => !after.response.has(key));
  for (const key of topmost(removed)) {
    const field = before.response.get(key);
    if (field === undefined) continue;
    changes.push(change('response-property-removed', op, field.pointer, `${responseLabel(key)} removed`));
  }
  for (const [key, field] of after.response) {
    const old = before.response.get(key);
    if (old === undefined) continue;
    const label = responseLabel(key);
    if (old.type !== field.type) {
      changes.push(
        change(
          'response-property-type-changed',
          op,
          field.pointer,
          `${label} changed type from ${code(old.type)} to ${code(field.type)}`,
        ),
      );
    }
    if (!old.deprecated && field.deprecated) {
      changes.push(change('property-deprecated', op, field.pointer, `${label} deprecated`));
    }
    changes.push(...diffEnum(old, field, label, op, 'response'));
  }
  return changes;
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
  for (const [key, operation] of oldOperations) {
    if (!newOperations.has(key)) {
      changes.push(change('operation-removed', operation.label, operation.pointer, 'operation removed'));
    }
  }
  for (const [key, operation] of newOperations) {
    const old = oldOperations.get(key);
    if (old === undefined) {
      changes.push(change('operation-added', operation.label, operation.pointer, 'operation added'));
      continue;
    }
    if (!old.deprecated && operation.deprecated) {
      changes.push(
        change('operation-deprecated', operation.label, operation.pointer, 'operation deprecated'),
      );
    }
    changes.push(
      ...diffParameters(old, operation),
      ...diffRequest(old, operation),
      ...diffResponse(old, operation),
    );
  }
  const [from, to] = [versionOf(before), versionOf(after)];
  if (from !== to) {
    changes.push(
      change('version-changed', null, '/info/version', `version ${from ?? '(none)'} → ${to ?? '(none)'}`),
    );
  }
  return sortChanges(changes);
}
