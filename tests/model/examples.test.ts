import { describe, expect, it } from 'vitest';
import { isObject, type JsonObject } from '../../src/model/json.ts';
import type { Example, MediaType, Parameter, RequestBody, Response } from '../../src/model/types.ts';
import { allContracts, modelOf } from './fixtures.ts';
import { ContractValidator, type Direction } from './validate.ts';

/** `/paths/~1pets/get` style pointers, with `$ref`s followed to where the value really is. */
class Pointers {
  readonly #document: JsonObject;
  constructor(document: JsonObject) {
    this.#document = document;
  }

  at(pointer: string): unknown {
    let node: unknown = this.#document;
    for (const raw of pointer.split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
    }
    return node;
  }

  /** Follows `$ref`s from `pointer`: the pointer of the concrete value. */
  follow(pointer: string): string {
    let current = pointer;
    for (let value = this.at(current); isObject(value) && typeof value.$ref === 'string'; ) {
      current = value.$ref.slice(1);
      value = this.at(current);
    }
    return current;
  }
}

const pointerKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

interface Check {
  where: string;
  example: Example;
  pointer: string;
  direction: Direction;
}

interface OperationLike {
  parameters: Parameter[];
  requestBody?: RequestBody | undefined;
  responses: Response[];
}

function checksOf(
  name: string,
  op: OperationLike,
  at: string,
  pathItemAt: string,
  pointers: Pointers,
): Check[] {
  const checks: Check[] = [];
  const media = (list: MediaType[], base: string, direction: Direction, label: string) => {
    for (const m of list) {
      for (const example of m.examples) {
        checks.push({
          where: `${name} ${label} ${m.mediaType}`,
          example,
          pointer: `${base}/content/${pointerKey(m.mediaType)}/schema`,
          direction,
        });
      }
    }
  };
  for (const parameter of op.parameters) {
    const candidates = [`${at}/parameters`, `${pathItemAt}/parameters`].flatMap((list) => {
      const raw = pointers.at(list);
      return Array.isArray(raw) ? raw.map((_, index) => pointers.follow(`${list}/${index}`)) : [];
    });
    const found = candidates.find((pointer) => {
      const raw = pointers.at(pointer);
      return isObject(raw) && raw.name === parameter.name && raw.in === parameter.in;
    });
    if (found === undefined)
      throw new Error(`${name}: parameter ${parameter.name} not found in the document`);
    const raw = pointers.at(found);
    const mediaType = isObject(raw) && isObject(raw.content) ? Object.keys(raw.content)[0] : undefined;
    checks.push({
      where: `${name} parameter ${parameter.in} ${parameter.name}`,
      example: parameter.example,
      pointer:
        mediaType === undefined ? `${found}/schema` : `${found}/content/${pointerKey(mediaType)}/schema`,
      direction: 'request',
    });
  }
  if (op.requestBody !== undefined) {
    media(op.requestBody.content, pointers.follow(`${at}/requestBody`), 'request', 'request body');
  }
  for (const response of op.responses) {
    media(
      response.content,
      pointers.follow(`${at}/responses/${response.status}`),
      'response',
      response.status,
    );
  }
  return checks;
}

/**
 * Schemas no value can satisfy under JSON Schema rules, so no generated example can either.
 * Keyed by contract, then by the check's place; the reason is part of the record.
 */
const UNSATISFIABLE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'readme-discriminators': {
    'patch /embedded-discriminator request body application/json':
      '`oneOf: [Cat, Dog]` whose options differ only by the discriminator they inherit through `allOf`: every object matches both',
  },
  'readme-schema-types': {
    'put /anything/quirks/polymorphism request body application/json': '`allOf` of `string` and `integer`',
    'post /anything/quirks/polymorphism request body application/json': '`allOf` of `string` and `integer`',
    'patch /anything/quirks/polymorphism request body application/json': '`allOf` of `string` and `integer`',
  },
  'readme-schema-types-3.1': {
    'put /anything/quirks/polymorphism request body application/json': '`allOf` of `string` and `integer`',
    'post /anything/quirks/polymorphism request body application/json': '`allOf` of `string` and `integer`',
    'patch /anything/quirks/polymorphism request body application/json': '`allOf` of `string` and `integer`',
  },
  'redoc-petstore-3.1': {
    'webhook myWebhook request body multipart/form-data':
      '`Cat.huntingSkill` must be an integer (from `Pet`) and a string or boolean (from `Cat`)',
  },
};

describe('examples are valid against their schemas', () => {
  for (const contract of allContracts()) {
    const isReal = contract.name === 'ocpplab';
    const scope = isReal ? 'every example' : 'every generated example';
    it(`${scope} of ${contract.name} is valid`, () => {
      const model = modelOf(contract);
      const pointers = new Pointers(contract.document);
      const validator = new ContractValidator(contract.document);
      const checks: Check[] = [];
      for (const summary of model.operations) {
        const at = `/paths/${pointerKey(summary.path)}/${summary.method}`;
        checks.push(
          ...checksOf(summary.key, model.detail(summary), at, `/paths/${pointerKey(summary.path)}`, pointers),
        );
      }
      for (const webhook of model.webhooks) {
        const pathItemAt = pointers.follow(`/webhooks/${pointerKey(webhook.name)}`);
        checks.push(
          ...checksOf(
            `webhook ${webhook.name}`,
            webhook,
            `${pathItemAt}/${webhook.method}`,
            pathItemAt,
            pointers,
          ),
        );
      }
      const skip = UNSATISFIABLE[contract.name] ?? {};
      const selected = checks.filter(
        (check) => (isReal || check.example.generated) && !(check.where in skip),
      );
      // Every check must name a schema of the contract: a pointer that resolves nowhere would
      // otherwise pass unchecked.
      const unresolved = selected.filter((check) => pointers.at(check.pointer) === undefined);
      expect(unresolved.map((check) => `${check.where}: ${check.pointer}`)).toEqual([]);
      const failures = selected.flatMap((check) => {
        const errors = validator.errors(check.example.value, check.pointer, check.direction);
        return errors === undefined
          ? []
          : [
              `${check.where}${check.example.name ? ` (${check.example.name})` : ''}: ${errors}: ${JSON.stringify(check.example.value)}`,
            ];
      });
      expect(failures.join('\n')).toBe('');
      if (isReal) expect(selected.length).toBeGreaterThan(100);
    });
  }
});
