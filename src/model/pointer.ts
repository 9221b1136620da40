/** JSON Pointer tokens (RFC 6901): `~` and `/` inside a key are written `~0` and `~1`. */

/** A key as one token of a JSON pointer: `/ocpp/chargers` → `~1ocpp~1chargers`. */
export const escapePointerToken = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** One token of a JSON pointer back to its key (after any %-decoding of a URI fragment). */
export const unescapePointerToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');
