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
  /** The new contract accepts everything the old one did (a wider type, fewer credentials asked). */
  loosened?: boolean;
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
  'webhook-removed': {
    breaking: true,
    why: 'receivers waiting for the event never get it again',
    oasdiff: '(oasdiff does not compare webhooks; we read them as operations the API calls)',
  },
  'server-removed': {
    breaking: true,
    why: 'clients configured with that base URL reach nothing',
    oasdiff: '(oasdiff does not compare servers; we decide)',
  },
  'server-changed': {
    breaking: true,
    why: 'the one base URL clients use moved: every call to the old one fails',
    oasdiff: '(oasdiff does not compare servers; we decide)',
  },
  'security-scheme-removed': {
    breaking: true,
    why: 'clients sending those credentials are refused',
    oasdiff: '(oasdiff compares requirements, not scheme internals; we decide)',
  },
  'security-scheme-changed': {
    breaking: true,
    why: 'how credentials are sent changed (type, HTTP scheme, header or query name, OAuth URLs): clients send them the old way',
    oasdiff: '(oasdiff compares requirements, not scheme internals; we decide)',
  },
  'security-requirement-changed': {
    breaking: ({ loosened }) => loosened !== true,
    why: 'breaking unless every set of credentials accepted before is still accepted (a new alternative, or no credentials at all, harms no caller)',
    oasdiff:
      'api-security-added, api-security-removed, api-global-security-added, api-global-security-removed, api-security-scope-added',
  },
  'operation-added': { breaking: false, why: 'no existing call changes', oasdiff: 'endpoint-added' },
  'webhook-added': {
    breaking: false,
    why: 'receivers that do not subscribe to it see nothing new',
    oasdiff: '(oasdiff does not compare webhooks)',
  },
  'server-added': {
    breaking: false,
    why: 'the base URLs clients use still work',
    oasdiff: '(oasdiff does not compare servers)',
  },
  'security-scheme-added': {
    breaking: false,
    why: 'a scheme no operation requires yet changes no call; requiring it is a security-requirement change',
    oasdiff: '(oasdiff compares requirements, not scheme internals)',
  },
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
  'request-type-changed': {
    breaking: ({ loosened }) => loosened !== true,
    why: 'clients send values of the old type and format: breaking unless the new type accepts them all (integer to number, null allowed, a format dropped)',
    oasdiff:
      'request-property-type-changed, request-parameter-type-changed, request-property-type-generalized, request-parameter-type-generalized',
  },
  'request-constraint-tightened': {
    breaking: true,
    why: 'values clients send today may now be rejected (a lower maximum, a higher minimum, a new or changed pattern, an enum where any value went)',
    oasdiff:
      'request-property-max-length-decreased, request-parameter-pattern-added, request-property-became-enum and the other -set, -increased, -decreased checks',
  },
  'request-constraint-loosened': {
    breaking: false,
    why: 'every value accepted before is still accepted',
    oasdiff:
      'request-property-max-length-increased, request-parameter-pattern-removed and the other -unset, -increased, -decreased checks',
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
    why: 'clients parse the old type or format (`date-time` read as a date and time, not a `date`)',
    oasdiff: 'response-property-type-changed',
  },
  'response-property-removed': {
    breaking: true,
    why: 'clients reading it get nothing',
    oasdiff: 'response-required-property-removed, response-optional-property-removed',
  },
  'response-property-added': {
    breaking: false,
    why: 'clients ignore fields they do not know',
    oasdiff: 'response-optional-property-added, response-required-property-added',
  },
  'webhook-payload-property-removed': {
    breaking: true,
    why: 'receivers reading the field get nothing (a payload is a response the API sends to the receiver)',
    oasdiff: "(as response-property-removed, from the receiver's side)",
  },
  'webhook-payload-property-type-changed': {
    breaking: true,
    why: 'receivers parse the old type',
    oasdiff: "(as response-property-type-changed, from the receiver's side)",
  },
  'webhook-payload-property-added': {
    breaking: false,
    why: 'receivers ignore fields they do not know',
    oasdiff: "(as response-optional-property-added, from the receiver's side)",
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
  'operation-undeprecated': {
    breaking: false,
    why: 'it works as before, and no migration is needed any more',
    oasdiff: 'endpoint-reactivated',
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
