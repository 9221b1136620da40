import { webhookKey } from '../model/published.ts';
import type { Webhook } from '../model/types.ts';
import { DEPRECATED_TITLE, DEPRECATED_WEBHOOK } from '../view/notes.ts';
import { inlineCode } from './markdown.ts';
import { historyLine, type ReferenceContext } from './reference-context.ts';
import { parametersSection, requestBodySection, responsesSection } from './reference-sections.ts';
import { description } from './text.ts';

/**
 * The body of a webhook's twin: the request the API sends to your endpoint
 * (headers and payload, in full) and the answers it expects, under the HTML
 * page's headings (Parameters, Payload, Responses).
 */
export function webhookMarkdown(webhook: Webhook, context: ReferenceContext): string {
  const method = webhook.method.toUpperCase();
  const blocks = [
    `Webhook ${inlineCode(`${method} ${webhook.name}`)}: the API sends this ${inlineCode(method)} request to the webhook endpoint you registered.`,
    ...historyLine(webhookKey(webhook), context),
  ];
  if (webhook.deprecated) blocks.push(`> **${DEPRECATED_TITLE}:** ${DEPRECATED_WEBHOOK}`);
  if (webhook.description) blocks.push(description(webhook.description, 2));
  blocks.push(...parametersSection(webhook.parameters, context));
  if (webhook.requestBody) blocks.push(...requestBodySection(webhook.requestBody, 'Payload', context));
  blocks.push(...responsesSection(webhook.responses, context));
  return blocks.join('\n\n');
}
