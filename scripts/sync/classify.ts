/**
 * Which contract changes break API clients, as one table. Its order is the report's order: most
 * important first. Each rule names the oasdiff check it follows (https://github.com/oasdiff/oasdiff,
 * checker/ and docs/BREAKING-CHANGES-EXAMPLES.md); where oasdiff only warns, we decide and say why.
 */

/** What a rule may depend on besides the kind. */
export interface ChangeContext {
  /** The added parameter or property is required. */
  required?: boolean;
  /** Where an enum lives: clients send request and parameter values, and read response values. */
  direction?: 'request' | 'response';
}

interface Rule {
  breaking: boolean | ((context: ChangeContext) => boolean);
  why: string;
  oasdiff: string;
}

export const RULES = {
  'operation-removed': {
    breaking: true,
    why: 'clients calling it get an error',
    oasdiff: 'api-path-removed-without-deprecation, api-removed-without-deprecation',
  },
  'operation-added': { breaking: false, why: 'no existing call changes', oasdiff: 'endpoint-added' },
  'parameter-removed': {
    breaking: true,
    why: 'clients still sending it lose its effect without notice (oasdiff only warns; we would rather say it)',
    oasdiff: 'request-parameter-removed',
  },
  'parameter-renamed': {
    breaking: true,
    why: 'clients send the old name, which is now unknown',
    oasdiff: 'request-parameter-removed + new-request-parameter',
  },
  'parameter-added': {
    breaking: ({ required }) => required === true,
    why: 'a new required parameter is missing from existing calls; an optional one is not',
    oasdiff: 'new-required-request-parameter, new-optional-request-parameter',
  },
  'parameter-required': {
    breaking: true,
    why: 'calls that omitted it now fail',
    oasdiff: 'request-parameter-became-required',
  },
  'request-property-removed': {
    breaking: true,
    why: 'clients still sending it are rejected or silently ignored (oasdiff only warns)',
    oasdiff: 'request-property-removed',
  },
  'request-property-added': {
    breaking: ({ required }) => required === true,
    why: 'a new required property is missing from existing bodies; an optional one is not',
    oasdiff: 'new-required-request-property, new-optional-request-property',
  },
  'request-property-required': {
    breaking: true,
    why: 'bodies that omitted it now fail validation',
    oasdiff: 'request-property-became-required',
  },
  'enum-value-removed': {
    breaking: ({ direction }) => direction === 'request',
    why: 'clients sending the value are rejected; a value the API no longer returns harms no reader',
    oasdiff: 'request-property-enum-value-removed, response-property-enum-value-removed',
  },
  'enum-value-added': {
    breaking: ({ direction }) => direction === 'response',
    why: 'clients that switch over returned values meet one they do not know (oasdiff warns); a new accepted value harms no caller',
    oasdiff: 'response-property-enum-value-added, request-property-enum-value-added',
  },
  'response-property-type-changed': {
    breaking: true,
    why: 'clients parse the old type',
    oasdiff: 'response-property-type-changed',
  },
  'response-property-removed': {
    breaking: true,
    why: 'clients reading it get nothing',
    oasdiff: 'response-required-property-removed, response-optional-property-removed',
  },
  'operation-deprecated': {
    breaking: false,
    why: 'it still works; plan to migrate',
    oasdiff: 'endpoint-deprecated',
  },
  'parameter-deprecated': {
    breaking: false,
    why: 'it still works; plan to migrate',
    oasdiff: 'request-parameter-deprecated',
  },
  'property-deprecated': {
    breaking: false,
    why: 'it still works; plan to migrate',
    oasdiff: 'request-property-deprecated, response-property-deprecated',
  },
  'version-changed': {
    breaking: false,
    why: 'informational: the version number says nothing of compatibility by itself',
    oasdiff: '(no check; its changelog shows info.version)',
  },
} as const satisfies Record<string, Rule>;

export type ChangeKind = keyof typeof RULES;

export const KINDS = Object.keys(RULES) as ChangeKind[];

export function isBreaking(kind: ChangeKind, context: ChangeContext = {}): boolean {
  const rule: Rule = RULES[kind];
  return typeof rule.breaking === 'function' ? rule.breaking(context) : rule.breaking;
}
