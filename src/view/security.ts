/**
 * How to authenticate, in the words every rendering prints: the HTML pages (through their
 * Markdown component) and the Markdown twins take these sentences as they are, so the two
 * can no longer word a scheme differently.
 */
import { isAnonymous } from '../model/security.ts';
import type { SecurityRequirement, SecurityScheme } from '../model/types.ts';

const code = (text: string) => `\`${text}\``;

/** One scheme as a phrase: what it is and where the credential goes on the wire. */
function schemePhrase(scheme: SecurityScheme): string {
  switch (scheme.type) {
    case 'http': {
      const name = scheme.scheme?.toLowerCase();
      if (name === 'bearer') {
        const format = scheme.bearerFormat ? ` (${scheme.bearerFormat})` : '';
        return `bearer token${format} in ${code('Authorization: Bearer <token>')}`;
      }
      if (name === 'basic')
        return `HTTP Basic authentication in ${code('Authorization: Basic <base64 of user:password>')}`;
      return `HTTP ${scheme.scheme ?? ''} authentication in ${code(`Authorization: ${scheme.scheme ?? ''} <credentials>`)}`;
    }
    case 'apiKey': {
      const where = scheme.in === 'query' ? 'query parameter' : scheme.in === 'cookie' ? 'cookie' : 'header';
      return `API key in the ${where} ${code(scheme.name ?? scheme.key)}`;
    }
    case 'oauth2':
      return `OAuth 2.0 access token (${code(scheme.key)}) in ${code('Authorization: Bearer <token>')}`;
    case 'openIdConnect':
      return `OpenID Connect token (${code(scheme.key)}) in ${code('Authorization: Bearer <token>')}`;
    default:
      return `a client TLS certificate (${code(scheme.key)})`;
  }
}

/** `Bearer token (JWT) in `Authorization: Bearer <token>`.`, or that none is needed. Markdown. */
export function authenticationSentence(security: SecurityRequirement[]): string {
  if (security.every((requirement) => requirement.schemes.length === 0))
    return 'None: this call needs no credentials.';
  const alternatives = security.map((requirement) =>
    requirement.schemes.length === 0
      ? 'none'
      : requirement.schemes
          .map(({ scheme, scopes }) => {
            const text = schemePhrase(scheme);
            return scopes.length > 0 ? `${text} with scopes ${scopes.map(code).join(', ')}` : text;
          })
          .join(' and '),
  );
  const text = alternatives.join(', or ');
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  return isAnonymous(security) && alternatives.length > 1 ? `${sentence} (optional).` : `${sentence}.`;
}

/**
 * The overview's authentication section: the default requirement, then each scheme the
 * contract declares with its own description (operation pages say the sentence only, so a
 * scheme's description is not repeated on every page).
 */
export function authenticationOverview(security: SecurityRequirement[], schemes: SecurityScheme[]): string {
  const blocks = [
    security.every((requirement) => requirement.schemes.length === 0)
      ? 'Calls need no credentials unless an operation says otherwise.'
      : `Unless an operation says otherwise: ${authenticationSentence(security)}`,
  ];
  const described = schemes.filter(
    (scheme) => scheme.description !== undefined && scheme.description.trim() !== '',
  );
  if (described.length > 0)
    blocks.push(
      described
        .map(
          (scheme) => `- **${scheme.key}**: ${(scheme.description ?? '').replace(/\s*\n\s*/g, ' ').trim()}`,
        )
        .join('\n'),
    );
  return blocks.join('\n\n');
}
