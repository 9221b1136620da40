/**
 * What the schemas index and its letter pages say, shared by the HTML page and its twin so the
 * two list the same schemas with the same words.
 */
import {
  LISTED_DESCRIPTION_LIMIT,
  OTHER_LETTER,
  SCHEMAS_PER_PAGE,
  type SchemaLetter,
  type SchemaListPage,
} from '../model/pages.ts';
import { firstParagraph, firstParagraphText } from './summary.ts';

/** The index's lead when it lists every schema. */
export const ALL_SCHEMAS_LEAD = 'Every named schema (model) of the contract, alphabetically.';

/** The index's lead when it lists first letters. */
export function lettersLead(count: number): string {
  return `The ${count} named schemas (models) of the contract, by the first letter of their names, at most ${SCHEMAS_PER_PAGE} to a page.`;
}

/** A letter page's lead: what it lists, and which part of the letter it is. */
export function letterLead(letter: SchemaLetter, page: SchemaListPage): string {
  const starts = letter.letter === OTHER_LETTER ? 'start with no letter A–Z' : `start with ${letter.letter}`;
  const part =
    letter.pages.length === 1
      ? ''
      : ` This is page ${page.part} of ${letter.pages.length}: ${partRange(page)}.`;
  return `The ${letter.count} schemas whose names ${starts}, alphabetically.${part}`;
}

/** `Account to BankAccount`: the first and last names on a letter page, to find a schema's page. */
export function partRange(page: SchemaListPage): string {
  const first = page.schemas[0]?.name ?? '';
  const last = page.schemas.at(-1)?.name ?? first;
  return first === last ? first : `${first} to ${last}`;
}

/** `52 schemas`, `365 schemas on 2 pages`: a letter's row in the index. */
export function letterCount(letter: SchemaLetter): string {
  const schemas = `${letter.count} ${letter.count === 1 ? 'schema' : 'schemas'}`;
  return letter.pages.length === 1 ? schemas : `${schemas} on ${letter.pages.length} pages`;
}

/**
 * A listed schema's summary in Markdown (the twin): its first paragraph, cut past
 * `LISTED_DESCRIPTION_LIMIT` characters so a listing page's size does not depend on how much
 * its descriptions say. A code span the cut would leave open is dropped.
 */
export function listedSummary(description: string | undefined): string {
  const text = firstParagraph(description);
  if (text.length <= LISTED_DESCRIPTION_LIMIT) return text;
  let cut = text.slice(0, LISTED_DESCRIPTION_LIMIT - 1);
  if ((cut.match(/`/g)?.length ?? 0) % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('`'));
  return `${cut.trimEnd()}…`;
}

/** The same summary as plain text, for the HTML table. */
export function listedSummaryText(description: string | undefined): string {
  const text = firstParagraphText(description);
  return text.length <= LISTED_DESCRIPTION_LIMIT
    ? text
    : `${text.slice(0, LISTED_DESCRIPTION_LIMIT - 1).trimEnd()}…`;
}
