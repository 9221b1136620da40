/**
 * The notes a reference page adds to what the contract says (deprecation, retry advice, how to
 * authenticate), worded once: the HTML components and the Markdown twins print these strings,
 * and the parity test checks that every page and its twin carry the notes `pageNotes` lists.
 */
import type { ReferencePage } from '../model/pages.ts';
import type { ApiModel } from '../model/types.ts';
import { isRetryable } from './overview.ts';
import { authenticationSentence } from './security.ts';

export const DEPRECATED_TITLE = 'Deprecated';
export const DEPRECATED_OPERATION = 'This operation still works, but may be removed. Avoid it in new code.';
export const DEPRECATED_WEBHOOK = 'This webhook may stop being sent.';

/** Whether retrying an error status can help, as a sentence. */
export function retryAdvice(status: string): string {
  return isRetryable(status)
    ? 'Retry with exponential backoff.'
    : 'Do not retry as is: fix the request first.';
}

/** Every note a page shows, in Markdown; its HTML and its twin both carry each one. */
export function pageNotes(model: ApiModel, page: ReferencePage): string[] {
  if (page.kind === 'operation') {
    const detail = model.detail(page.operation);
    return [
      ...(detail.deprecated ? [DEPRECATED_OPERATION] : []),
      authenticationSentence(detail.security),
      ...detail.responses
        .filter((response) => response.isError)
        .map((response) => retryAdvice(response.status)),
    ];
  }
  if (page.kind === 'webhook') return page.webhook.deprecated ? [DEPRECATED_WEBHOOK] : [];
  return [];
}
