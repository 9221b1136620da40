import { isObject, type JsonObject } from './json.ts';
import { unescapePointerToken } from './pointer.ts';

/**
 * Follows local `$ref`s (`#/components/schemas/Charger`) in a bundled document.
 * The sync step bundles external files, so only same-document refs remain.
 */
export class Resolver {
  readonly document: JsonObject;
  /** The contract file, when the document came from one: errors then start with it. */
  readonly source: string | undefined;
  /** The document does not change: each ref is walked once. */
  readonly #found = new Map<string, unknown>();

  constructor(document: JsonObject, source?: string) {
    this.document = document;
    this.source = source;
  }

  /** A $ref problem, named by the contract file when known, with what to do about it. */
  #error(message: string): Error {
    return new Error(
      this.source === undefined
        ? message
        : `${this.source}: ${message} Correct the $ref in the contract (for the synced one, in the SDK repository, then run 'npm run sync').`,
    );
  }

  /** The value at a JSON pointer ref, or an error naming the ref and where it was used. */
  lookup(ref: string, usedAt: string): unknown {
    const known = this.#found.get(ref);
    if (known !== undefined) return known;
    const value = this.#walk(ref, usedAt);
    this.#found.set(ref, value);
    return value;
  }

  #walk(ref: string, usedAt: string): unknown {
    if (!ref.startsWith('#')) {
      throw this.#error(
        `$ref '${ref}' at ${usedAt} points outside the document; bundle the contract first (npm run sync).`,
      );
    }
    let node: unknown = this.document;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = unescapePointerToken(decodeURIComponent(raw));
      if (Array.isArray(node)) node = node[Number(key)];
      else if (isObject(node)) node = node[key];
      else node = undefined;
      if (node === undefined) throw this.#error(`$ref '${ref}' at ${usedAt} cannot be resolved.`);
    }
    return node;
  }

  /**
   * Follows a chain of refs (a ref to a ref …) to a concrete object.
   * Returns the object and the last ref followed.
   */
  deref(value: unknown, usedAt: string): { value: JsonObject; ref?: string } {
    let current = value;
    let ref: string | undefined;
    const seen = new Set<string>();
    while (isObject(current) && typeof current.$ref === 'string') {
      if (seen.has(current.$ref)) throw this.#error(`$ref '${current.$ref}' at ${usedAt} refers to itself.`);
      seen.add(current.$ref);
      ref = current.$ref;
      current = this.lookup(current.$ref, usedAt);
    }
    return ref === undefined
      ? { value: isObject(current) ? current : {} }
      : { value: isObject(current) ? current : {}, ref };
  }
}

/** `#/components/schemas/ChargerCreate` → `ChargerCreate`; other refs (and pieces of schemas) → undefined. */
export function componentSchemaName(ref: string): string | undefined {
  const prefix = '#/components/schemas/';
  const rest = ref.slice(prefix.length);
  // `#/components/schemas/Pet/properties/tag` is a piece of a schema, not a named one.
  return ref.startsWith(prefix) && rest !== '' && !rest.includes('/')
    ? unescapePointerToken(decodeURIComponent(rest))
    : undefined;
}
