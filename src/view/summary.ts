/**
 * One-line summaries of a description, for lists and tables: the twins keep its Markdown
 * (code spans stay whole: `{charger_id}`), the HTML table prints it as plain text.
 */

/** The first paragraph on one line, HTML tags dropped and links reduced to their text. Markdown. */
export function firstParagraph(markdown: string | undefined): string {
  const paragraph = (markdown ?? '').trim().split(/\n\s*\n/)[0] ?? '';
  return paragraph
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `firstParagraph` without its emphasis and code marks: plain text for an HTML cell. */
export function firstParagraphText(markdown: string | undefined): string {
  return firstParagraph(markdown).replace(/[`*_]/g, '');
}
