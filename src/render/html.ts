/** Escaping for the HTML the reference renderers write by string. */

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/** Escapes text for element content (not attributes): `</script>` becomes inert `&lt;/script&gt;`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (char) => TEXT_ESCAPES[char] ?? char);
}

/** Escapes a double-quoted attribute value. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}
