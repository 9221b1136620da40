import { asArray, asObject, asString, asStringArray, isObject } from './json.ts';
import type { SecurityRequirement, SecurityScheme } from './types.ts';

const SCHEME_TYPES: readonly SecurityScheme['type'][] = [
  'http',
  'apiKey',
  'oauth2',
  'openIdConnect',
  'mutualTLS',
];

/** `components.securitySchemes`, in declaration order. */
export function securitySchemes(components: unknown): SecurityScheme[] {
  const out: SecurityScheme[] = [];
  for (const [key, raw] of Object.entries(asObject(asObject(components).securitySchemes))) {
    if (!isObject(raw)) continue;
    const type = asString(raw.type) as SecurityScheme['type'];
    if (!SCHEME_TYPES.includes(type)) continue;
    const scheme: SecurityScheme = { key, type };
    const fields = ['scheme', 'bearerFormat', 'name', 'description'] as const;
    for (const field of fields) {
      const value = asString(raw[field]);
      if (value !== undefined) scheme[field] = value;
    }
    const location = asString(raw.in);
    if (location === 'header' || location === 'query' || location === 'cookie') scheme.in = location;
    out.push(scheme);
  }
  return out;
}

/**
 * A `security` array as requirements. An empty object in the array (`{}`) means
 * "or no authentication"; it is kept as a requirement with no schemes.
 */
export function securityRequirements(
  raw: unknown,
  schemes: SecurityScheme[],
  at = '#/security',
): SecurityRequirement[] {
  return asArray(raw).map((entry) => ({
    schemes: Object.entries(asObject(entry)).map(([key, scopes]) => {
      const scheme = schemes.find((candidate) => candidate.key === key);
      // Dropping it would turn the requirement into `{}`, "no authentication": say so instead.
      if (scheme === undefined) {
        throw new Error(
          `Security requirement '${key}' at ${at} names no scheme of components.securitySchemes; declare it there or fix the name.`,
        );
      }
      return { scheme, scopes: asStringArray(scopes) };
    }),
  }));
}

/** Whether a call can be made without credentials. */
export function isAnonymous(requirements: SecurityRequirement[]): boolean {
  return requirements.length === 0 || requirements.some((requirement) => requirement.schemes.length === 0);
}
