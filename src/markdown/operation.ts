import { operationKey } from '../model/published.ts';
import type { CodeSample, OperationDetail, SecurityRequirement } from '../model/types.ts';
import { DEPRECATED_OPERATION, DEPRECATED_TITLE } from '../view/notes.ts';
import { authenticationSentence } from '../view/security.ts';
import { fence, inlineCode } from './markdown.ts';
import { historyLine, type ReferenceContext } from './reference-context.ts';
import { parametersSection, requestBodySection, responsesSection } from './reference-sections.ts';
import { description } from './text.ts';

/**
 * The body of an operation's twin (below its `# Title`): everything a reader
 * needs to call it without seeing any other page, in the HTML page's order
 * and under its headings: `METHOD URL`, description, authentication, code
 * samples, parameters, request body (fields and examples), responses and errors (every body
 * in full; llms-full.txt names the shared error bodies instead), callbacks.
 *
 * This is the function the snippet runner reads an operation's code blocks from.
 */
export function operationMarkdown(operation: OperationDetail, context: ReferenceContext): string {
  const blocks: string[] = [
    inlineCode(`${operation.method.toUpperCase()} ${context.model.baseUrl}${operation.path}`),
    ...historyLine(operationKey(operation), context),
  ];
  if (operation.deprecated) {
    blocks.push(`> **${DEPRECATED_TITLE}:** ${DEPRECATED_OPERATION}`);
  }
  if (operation.description) blocks.push(description(operation.description, 2));
  // In llms-full.txt the overview states the usual authentication once; operations say only when theirs differs.
  if (context.mode === 'page' || !sameSecurity(operation.security, context.model.security)) {
    blocks.push('## Authentication', authenticationSentence(operation.security));
  }
  // llms-full.txt keeps the curl call; the Python and TypeScript versions of it are in the page's own twin.
  blocks.push(...samplesSection(context.mode === 'page' ? operation.samples : operation.samples.slice(0, 1)));
  blocks.push(...parametersSection(operation.parameters, context));
  if (operation.requestBody)
    // In llms-full.txt the first request example is the body the curl call sends: shown once there.
    blocks.push(...requestBodySection(operation.requestBody, 'Request body', context, 1));
  blocks.push(...responsesSection(operation.responses, context));
  if (operation.callbacks.length > 0) {
    blocks.push(
      '## Callbacks',
      operation.callbacks
        .map(
          (callback) =>
            `- **${callback.name}**: ${inlineCode(`${callback.method.toUpperCase()} ${callback.expression}`)}: ${callback.summary}`,
        )
        .join('\n'),
    );
  }
  return blocks.join('\n\n');
}

function sameSecurity(a: SecurityRequirement[], b: SecurityRequirement[]): boolean {
  const key = (requirements: SecurityRequirement[]) =>
    JSON.stringify(requirements.map((r) => r.schemes.map(({ scheme, scopes }) => [scheme.key, scopes])));
  return key(a) === key(b);
}

/** The curl, Python and TypeScript samples, consecutive and titled by their tab label. */
function samplesSection(samples: CodeSample[]): string[] {
  if (samples.length === 0) return [];
  return ['## Code samples', ...samples.map((sample) => fence(sample.lang, sample.code, sample.label))];
}
