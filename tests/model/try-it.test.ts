import { describe, expect, it } from 'vitest';
import {
  buildRequest,
  cookieNames,
  curlCommand,
  defaultInputs,
  inputProblems,
} from '../../src/components/try-it/request.ts';
import { buildModel } from '../../src/model/build.ts';
import { tryItSpec } from '../../src/model/try-it.ts';
import { contractValidator } from '../../src/model/validator.ts';
import { allContracts, fixtureContracts, MODEL_OPTIONS, modelOf } from './fixtures.ts';

const checker = (spec: ReturnType<typeof tryItSpec>) => {
  const validatorFor = contractValidator(spec.document, spec.dialect);
  return (pointer: string, value: unknown) => {
    const validate = validatorFor(pointer);
    validate(value);
    return (validate.errors ?? []) as never;
  };
};

describe('the "Try it" file of an operation', () => {
  it('is recorded for a 3.0 body with nullable fields and a 3.1 operation with parameters', async () => {
    const contracts = fixtureContracts();
    for (const [name, key] of [
      ['crafted-nullable-3.0', 'post /contacts'],
      ['redoc-petstore-3.1', 'delete /pet/{petId}'],
    ] as const) {
      const contract = contracts.find((entry) => entry.name === name);
      if (contract === undefined) throw new Error(`no fixture ${name}`);
      const model = modelOf(contract);
      const operation = model.operations.find((entry) => entry.key === key);
      if (operation === undefined) throw new Error(`${name}: no ${key}`);
      const spec = tryItSpec(contract.document, model.detail(operation));
      await expect(`${JSON.stringify(spec, null, 2)}\n`).toMatchFileSnapshot(
        `../fixtures/model/try-it/${name}.json`,
      );
    }
  });

  it('copies every schema its checks reference: checking the prefilled inputs of every operation of every contract meets no unresolved reference', () => {
    const failures: string[] = [];
    for (const contract of allContracts()) {
      const model = modelOf(contract);
      for (const operation of model.operations) {
        const spec = tryItSpec(contract.document, model.detail(operation));
        try {
          // Unresolvable references throw here: the copy left out a part of the contract.
          inputProblems(spec, defaultInputs(spec), checker(spec));
        } catch (error) {
          failures.push(`${contract.name} ${operation.key}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('is off where the contract says x-ocpplab-try-it: false, on the operation or the document', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/a': { get: { 'x-ocpplab-try-it': false, responses: { 200: { description: 'ok' } } } },
        '/b': { get: { responses: { 200: { description: 'ok' } } } },
      },
    };
    const model = buildModel(document, MODEL_OPTIONS);
    const enabled = model.operations.map((operation) => tryItSpec(document, model.detail(operation)).enabled);
    expect(enabled).toEqual([false, true]);
    const off = { ...document, 'x-ocpplab-try-it': false };
    const offModel = buildModel(off, MODEL_OPTIONS);
    expect(
      offModel.operations.map((operation) => tryItSpec(off, offModel.detail(operation)).enabled),
    ).toEqual([false, false]);
  });

  it('flags a body that breaks its schema at the field, and a missing required parameter', () => {
    const contract = fixtureContracts().find((entry) => entry.name === 'crafted-nullable-3.0');
    if (contract === undefined) throw new Error('no fixture');
    const model = modelOf(contract);
    const operation = model.operations.find((entry) => entry.key === 'post /contacts');
    if (operation === undefined) throw new Error('no operation');
    const spec = tryItSpec(contract.document, model.detail(operation));
    expect(inputProblems(spec, defaultInputs(spec), checker(spec))).toEqual([]);
    expect(inputProblems(spec, { parameters: {}, body: '{"name": 12}' }, checker(spec))).toEqual(
      expect.arrayContaining([{ field: 'body.name', message: 'must be string' }]),
    );
    const broken = inputProblems(spec, { parameters: {}, body: '{' }, checker(spec));
    expect(broken.find((problem) => problem.field === 'body')?.message).toMatch(/^is not JSON: /);
    expect(broken).toEqual(expect.arrayContaining([{ field: 'query.dryRun', message: 'is required' }]));
  });

  it('names the cookies a browser will not send, and keeps a cookie API key out of the curl command', () => {
    const contracts = fixtureContracts();
    const specOf = (name: string, key: string) => {
      const contract = contracts.find((entry) => entry.name === name);
      if (contract === undefined) throw new Error(`no fixture ${name}`);
      const model = modelOf(contract);
      const operation = model.operations.find((entry) => entry.key === key);
      if (operation === undefined) throw new Error(`${name}: no ${key}`);
      return tryItSpec(contract.document, model.detail(operation));
    };
    const stray = specOf('crafted-edge-cases-3.1', 'get /stray');
    const schemes = stray.security[0] ?? [];
    expect(cookieNames(stray, schemes)).toEqual(['session']);
    const credentials = { sessionCookie: { secret: 's3cr3t' } };
    const request = buildRequest(stray, defaultInputs(stray), 'http://127.0.0.1:9', schemes, credentials);
    expect(request.headers.Cookie).toBe('session=s3cr3t');
    const curl = curlCommand(request, schemes, credentials, 'OCPPLAB_TOKEN');
    expect(curl).toContain('-b "session=$OCPPLAB_TOKEN"');
    expect(curl).not.toContain('s3cr3t');
    const pet = specOf('redoc-petstore-3.1', 'post /pet');
    expect(cookieNames(pet, [])).toEqual(['cookieParam']);
  });
});
