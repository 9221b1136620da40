import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureContracts } from './fixtures.ts';
import { ContractValidator } from './validate.ts';

const readme = () => {
  const contract = fixtureContracts().find((c) => c.name === 'readme-schema-types');
  if (contract === undefined) throw new Error('fixture readme-schema-types is missing');
  return contract.document;
};

const STRINGS = '/paths/~1anything~1strings/put/requestBody/content/application~1json/schema';
/** A request body that is one `type: string, format: json`. */
const JSON_STRING =
  '/paths/~1anything~1strings~1top-level-payloads/patch/requestBody/content/application~1json/schema';
const REQUIRED = { 'binary (with default)': 'x' };

describe('ContractValidator and formats', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('takes formats it has no check for as annotations, without a warning per schema', () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    const validator = new ContractValidator(readme());
    // `json`, `html`, `blob`, `string`, `unknown-format`: the value is checked as a string only.
    const strings = { ...REQUIRED, json: 'not json {', html: '<p>', blob: 'x', 'unknown-format': 'y' };
    expect(validator.errors(strings, STRINGS, 'request')).toBeUndefined();
    expect(validator.errors('{"a": 1}', JSON_STRING, 'request')).toBeUndefined();
    expect(validator.errors(42, JSON_STRING, 'request')).toMatch(/must be string/);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('still checks the formats it knows', () => {
    const validator = new ContractValidator(readme());
    expect(validator.errors({ ...REQUIRED, 'date-time': 'yesterday' }, STRINGS, 'request')).toMatch(
      /must match format "date-time"/,
    );
  });
});
