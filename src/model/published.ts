// What each reference page documents, as a key that outlives its URL: the sync records every URL
// it published against these keys (openapi/urls.json), and the build finds where a key lives now.
import type { ReferencePage } from './pages.ts';
import type { NamedSchema, OperationSummary, Webhook } from './types.ts';

/** The keys of the pages that have a history (src/history.ts). */
export const operationKey = (operation: Pick<OperationSummary, 'key'>) => `operation ${operation.key}`;
export const webhookKey = (webhook: Pick<Webhook, 'name' | 'method'>) =>
  `webhook ${webhook.name} ${webhook.method}`;
export const schemaKey = (schema: Pick<NamedSchema, 'name'>) => `schema ${schema.name}`;

/**
 * The thing a reference page documents: `operation post /ocpp/chargers`,
 * `webhook charger.status post`, `schema Charger`, `tag Chargers`, `group Core resources`,
 * `schemas` (the index), `schemas S 2` (its letter pages), `overview`. An operation is its method and path (what the change report names), so a new
 * `x-fern-sdk-method-name`, tag or group moves its page but keeps its key.
 */
export function pageKey(page: ReferencePage): string {
  switch (page.kind) {
    case 'api-overview':
      return 'overview';
    case 'api-group':
      return `group ${page.group.name}`;
    case 'api-tag':
      return `tag ${page.tag.name}`;
    case 'operation':
      return operationKey(page.operation);
    case 'webhook':
      return webhookKey(page.webhook);
    case 'schema':
      return schemaKey(page.schema);
    case 'schema-index':
      return 'schemas';
    case 'schema-letter':
      return `schemas ${page.letter.letter}${page.page.part === 1 ? '' : ` ${page.page.part}`}`;
  }
}

/** Whether a key is a letter page's of the schemas index (`schemas S 2`), not the index's (`schemas`). */
export const isSchemaLetterKey = (key: string) => key.startsWith('schemas ');

/**
 * How the sync's change report names what an operation or webhook page documents
 * (`POST /ocpp/chargers`, `webhook charger.status`, `webhook ping GET`), to find a change's page;
 * undefined for the other pages.
 */
export function subjectLabel(page: ReferencePage): string | undefined {
  if (page.kind === 'operation') return `${page.operation.method.toUpperCase()} ${page.operation.path}`;
  if (page.kind === 'webhook') {
    const { name, method } = page.webhook;
    return `webhook ${name}${method === 'post' ? '' : ` ${method.toUpperCase()}`}`;
  }
  return undefined;
}
